// reportsearch: copy buttons. Everything else works without JavaScript.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  return copyByCommand(text, "");
}

// copyByCommand is the fallback for browsers or contexts without the async
// clipboard (a page served over plain HTTP to another host): the copy
// command, whose event sets both flavours when there is HTML.
function copyByCommand(text, html) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  const onCopy = (e) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData("text/plain", text);
    if (html) e.clipboardData.setData("text/html", html);
    e.preventDefault();
  };
  document.addEventListener("copy", onCopy);
  let ok = false;
  try { ok = document.execCommand("copy"); } finally {
    document.removeEventListener("copy", onCopy);
    area.remove();
  }
  return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

// copyRich puts text and its HTML on the clipboard as two flavours, so that
// Word and WPS paste the HTML (the title in 《》, nothing else) and a plain
// editor the text.
function copyRich(text, html) {
  if (!html) return copyText(text);
  if (navigator.clipboard && window.isSecureContext && window.ClipboardItem) {
    const item = new ClipboardItem({
      "text/plain": new Blob([text], {type: "text/plain"}),
      "text/html": new Blob([html], {type: "text/html"}),
    });
    return navigator.clipboard.write([item]).catch(() => copyByCommand(text, html));
  }
  return copyByCommand(text, html);
}

// What a 「复制引用」 button copies in the format its menu names; the server
// wrote every form, the page only picks one.
function citationOf(button) {
  const menu = button.parentElement && button.parentElement.querySelector("select.cite-format");
  switch (menu ? menu.value : "text") {
  case "markdown": return {text: button.dataset.copyMarkdown, html: ""};
  case "gbt7714": return {text: button.dataset.copyGbt7714, html: ""};
  }
  return {text: button.dataset.copy, html: button.dataset.copyHtml || ""};
}

// announce says text to screen readers through the page's live region
// (layout.html): a copy button's 「已复制」 changes only its label, which
// a screen reader does not read out by itself. Emptied first, so that the
// same words said twice are announced twice.
function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  window.requestAnimationFrame(() => { region.textContent = text; });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  let c = {text: button.dataset.copy, html: ""};
  if (button.classList.contains("cite-copy")) {
    c = citationOf(button);
  } else if (button.dataset.copyLink) {
    c.text = new URL(button.dataset.copyLink, window.location.href).href;
  }
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  copyRich(c.text, c.html).then(
    () => {
      button.textContent = "已复制";
      button.dataset.copied = c.text;
      announce("已复制");
    },
    () => {
      button.textContent = "复制失败，请手动选择";
      announce("复制失败，请手动选择");
    },
  ).finally(() => {
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});

// The citation basket: quotations kept in this browser (localStorage), to
// reorder, remove and export together. The server keeps none of it.
const basketKey = "reportsearch.basket";

function basketItems() {
  try {
    const items = JSON.parse(localStorage.getItem(basketKey) || "[]");
    return Array.isArray(items) ? items.filter((it) => it && typeof it.text === "string") : [];
  } catch (e) {
    return [];
  }
}

function saveBasket(items) {
  localStorage.setItem(basketKey, JSON.stringify(items));
  showBasketCount(items);
}

function showBasketCount(items) {
  document.querySelectorAll(".basket-count").forEach((el) => {
    el.textContent = items.length ? "（" + items.length + "）" : "";
    el.hidden = !items.length;
  });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.basket-add");
  if (!button) return;
  let item;
  try { item = JSON.parse(button.dataset.item); } catch (e) { return; }
  const items = basketItems();
  if (items.some((it) => it.text === item.text)) {
    button.textContent = "已在引用篮中";
  } else {
    items.push(item);
    saveBasket(items);
    button.textContent = "已加入（" + items.length + "）";
  }
  button.dataset.added = "true";
});

function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// The exports, numbered as the page numbers the items. Each item's forms
// were written by the server; a line under it names its citation code and
// link, as the .docx does.
function basketMarkdown(items) {
  return "# 引用清单\n\n" + items.map((it, i) => (i + 1) + ". " + it.markdown).join("\n") + "\n";
}

function basketText(items) {
  return "引用清单\n\n" + items.map((it, i) => (i + 1) + ". " + it.text + "\n   " + basketNote(it)).join("\n\n") + "\n";
}

function basketNote(it) {
  return [it.code ? "引用码 " + it.code : "", it.link || ""].filter(Boolean).join(" · ");
}

(function () {
  const page = document.getElementById("basket");
  showBasketCount(basketItems());
  if (!page) return;
  const list = page.querySelector(".basket-items");
  const status = page.querySelector(".basket-status");
  function render() {
    const items = basketItems();
    list.textContent = "";
    items.forEach((it, i) => {
      const li = document.createElement("li");
      li.className = "basket-item";
      li.dataset.id = it.id || "";
      const text = document.createElement("p");
      text.className = "basket-text";
      text.textContent = it.text;
      const meta = document.createElement("p");
      meta.className = "basket-meta";
      if (it.code) {
        const code = document.createElement("code");
        code.textContent = "引用码 " + it.code;
        meta.appendChild(code);
        meta.append(" ");
      }
      if (it.link) {
        const a = document.createElement("a");
        a.href = it.link;
        a.textContent = "原文";
        meta.appendChild(a);
      }
      const tools = document.createElement("span");
      tools.className = "basket-tools";
      [["up", "上移", i === 0], ["down", "下移", i === items.length - 1], ["remove", "删除", false]].forEach(([act, label, off]) => {
        const b = document.createElement("button");
        b.type = "button";
        b.dataset.act = act;
        b.dataset.index = i;
        b.textContent = label;
        b.disabled = off;
        tools.appendChild(b);
      });
      meta.appendChild(tools);
      li.append(text, meta);
      list.appendChild(li);
    });
    page.querySelector(".basket-empty").hidden = items.length > 0;
    page.querySelector(".basket-export").hidden = items.length === 0;
  }
  list.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-act]");
    if (!b) return;
    const items = basketItems();
    const i = +b.dataset.index;
    const j = b.dataset.act === "up" ? i - 1 : i + 1;
    if (b.dataset.act === "remove") {
      items.splice(i, 1);
    } else if (j >= 0 && j < items.length) {
      [items[i], items[j]] = [items[j], items[i]];
    }
    saveBasket(items);
    render();
  });
  page.querySelector(".export-markdown").addEventListener("click", () => {
    download("引用清单.md", new Blob([basketMarkdown(basketItems())], {type: "text/markdown;charset=utf-8"}));
  });
  page.querySelector(".export-text").addEventListener("click", () => {
    download("引用清单.txt", new Blob([basketText(basketItems())], {type: "text/plain;charset=utf-8"}));
  });
  page.querySelector(".export-docx").addEventListener("click", () => {
    status.textContent = "正在生成 Word 文档……";
    fetch(page.dataset.docx, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({items: basketItems()})})
      .then((r) => r.ok ? r.blob() : r.json().then((e) => Promise.reject(new Error(e.detail || e.title))))
      .then((blob) => { download("引用清单.docx", blob); status.textContent = "已生成 Word 文档。"; })
      .catch((e) => { status.textContent = "导出失败：" + e.message; });
  });
  page.querySelector(".basket-clear").addEventListener("click", () => {
    if (!window.confirm("确定清空引用篮？")) return;
    saveBasket([]);
    render();
  });
  window.addEventListener("storage", (e) => { if (e.key === basketKey) render(); });
  render();
})();

// The library's progress line: while the server indexes a change to its
// report folder, the page says so; when the update ends it says what
// changed, and a reports page shows the new list.
(function () {
  var line = document.getElementById('library-status');
  if (!line || !window.fetch) return;
  var wasUpdating = !line.hidden;
  function poll() {
    fetch(line.dataset.api, {headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (s) {
      if (s.updating) {
        line.textContent = '正在索引报告文件夹的变动……';
        line.hidden = false;
      } else if (wasUpdating) {
        line.textContent = s.error ? '更新索引失败：' + s.error : '索引已更新' + (s.last ? '：' + s.last : '') + '。';
        line.hidden = false;
        if (!s.error && document.querySelector('table.reports')) location.reload();
      }
      wasUpdating = s.updating;
    }).catch(function () {}).finally(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();

// 「添加报告」: a file dropped anywhere on the form is the form's file.
(function () {
  var form = document.querySelector('form.upload');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  ['dragenter', 'dragover'].forEach(function (t) {
    form.addEventListener(t, function (e) { e.preventDefault(); form.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    form.addEventListener(t, function () { form.classList.remove('dragging'); });
  });
  form.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      form.submit();
    }
  });
})();
