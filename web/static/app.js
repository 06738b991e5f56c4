// reportsearch: copy buttons. Everything else works without JavaScript.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Fallback for browsers or contexts without the async clipboard.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  let text = button.dataset.copy;
  if (button.dataset.copyLink) {
    text = new URL(button.dataset.copyLink, window.location.href).href;
  }
  const label = button.textContent;
  copyText(text).then(
    () => {
      button.textContent = "已复制";
      button.dataset.copied = text;
    },
    () => {
      button.textContent = "复制失败，请手动选择";
    },
  ).finally(() => {
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});

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
