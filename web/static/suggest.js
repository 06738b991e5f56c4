// reportsearch: suggestions under the search box (GET /api/suggest), in
// the ARIA combobox pattern: the input is the combobox, the list a
// listbox; ↑/↓ move, Enter takes, Esc closes. The page works without it.
"use strict";

(function () {
  const input = document.querySelector("input[data-suggest]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const status = document.getElementById(input.dataset.suggestStatus);
  const api = input.dataset.suggest;
  const kinds = {term: "词语", indicator: "指标", heading: "标题"};
  const debounceMs = 120;
  let composing = false;
  let timer = 0;
  let asked = 0; // the latest request: an older answer arriving late is dropped
  let items = [];
  let active = -1;

  // Only the last word is completed: 老旧小区 电 completes 电.
  const lastWord = (v) => v.match(/\S*$/)[0];
  // A filter (year:2023), an exclusion or a quoted phrase is syntax, not a word.
  const completable = (w) => w !== "" && !/[:：]/.test(w) && !/^[-"“「(（]/.test(w);

  function close() {
    clearTimeout(timer);
    asked++;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    items = [];
    active = -1;
  }

  function option(s, i) {
    const li = document.createElement("li");
    li.id = list.id + "-" + i;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.dataset.index = String(i);
    const text = document.createElement("span");
    text.className = "suggest-text";
    text.textContent = s.text;
    const meta = document.createElement("span");
    meta.className = "suggest-meta";
    meta.textContent = (kinds[s.kind] || "") + " · " + s.paragraphs + " 段" + (s.reports ? " · " + s.reports + " 份报告" : "");
    li.append(text, meta);
    return li;
  }

  function show(suggestions) {
    items = suggestions;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.replaceChildren(...suggestions.map(option));
    const open = suggestions.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (status) status.textContent = open ? "有 " + suggestions.length + " 条建议，用上下方向键选择" : "";
  }

  function update() {
    const word = lastWord(input.value);
    if (!completable(word)) {
      close();
      return;
    }
    const mine = ++asked;
    fetch(api + "?q=" + encodeURIComponent(word), {headers: {Accept: "application/json"}})
      .then((r) => (r.ok ? r.json() : null))
      .then((d) => {
        if (mine === asked && d && document.activeElement === input) show(d.suggestions || []);
      })
      .catch(() => {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, debounceMs);
  }

  function move(by) {
    if (items.length === 0) return;
    const old = list.children[active];
    if (old) old.setAttribute("aria-selected", "false");
    // Positions -1 (the box itself) to the last option, round.
    const places = items.length + 1;
    active = ((active + 1 + by + places) % places) - 1;
    const now = list.children[active];
    if (now) {
      now.setAttribute("aria-selected", "true");
      now.scrollIntoView({block: "nearest"});
      input.setAttribute("aria-activedescendant", now.id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function take(s) {
    const v = input.value;
    input.value = v.slice(0, v.length - lastWord(v).length) + s.query;
    close();
    if (input.form.requestSubmit) input.form.requestSubmit();
    else input.form.submit();
  }

  // An IME composes Chinese from keystrokes: nothing is asked until the
  // characters are committed (compositionend), and its own ↑/↓/Enter are
  // left to it.
  input.addEventListener("compositionstart", () => {
    composing = true;
    clearTimeout(timer);
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    schedule();
  });
  input.addEventListener("input", (e) => {
    if (composing || e.isComposing) return;
    schedule();
  });
  input.addEventListener("keydown", (e) => {
    if (composing || e.isComposing) return;
    if (list.hidden) {
      if (e.key === "ArrowDown" && completable(lastWord(input.value))) {
        e.preventDefault();
        update();
      }
      return;
    }
    switch (e.key) {
    case "ArrowDown": e.preventDefault(); move(1); break;
    case "ArrowUp": e.preventDefault(); move(-1); break;
    case "Enter":
      if (active >= 0) {
        e.preventDefault();
        take(items[active]);
      } else {
        close(); // searched as typed
      }
      break;
    case "Escape": e.preventDefault(); close(); break;
    case "Tab": close(); break;
    }
  });
  input.addEventListener("blur", close);
  // A click on an option must not blur the box before it counts.
  list.addEventListener("mousedown", (e) => e.preventDefault());
  list.addEventListener("click", (e) => {
    const li = e.target.closest("[role=option]");
    if (li) take(items[Number(li.dataset.index)]);
  });
})();
