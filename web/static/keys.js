// reportsearch: keyboard use of every page.
//   /        focuses the search box (not while typing in a field)
//   j / k    the next / previous hit of the search page, with a visible focus
//   ↓ / ↑    the same, but only while a hit has the focus: elsewhere the
//            arrows scroll the page, as a reader expects
//   Enter    opens the focused hit's paragraph
"use strict";

(function () {
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function hits() {
    return Array.from(document.querySelectorAll("ol.hits > li.hit, ol.groups > li.group"));
  }

  function focusHit(list, i) {
    const hit = list[Math.max(0, Math.min(list.length - 1, i))];
    list.forEach((h) => h.classList.toggle("current", h === hit));
    hit.tabIndex = -1;
    hit.focus({preventScroll: true});
    hit.scrollIntoView({block: "nearest"});
  }

  // The hit's own link: the paragraph's page.
  function openHit(hit) {
    const link = hit.querySelector("a.locator, .heading a");
    if (link) link.click();
  }

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (e.key === "/" && !typing(target)) {
      const box = document.querySelector('form.searchbox input[name="q"]');
      if (!box) return;
      e.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (typing(target)) return;
    const list = hits();
    if (!list.length) return;
    const at = list.indexOf(target);
    const onHit = at >= 0;
    switch (e.key) {
    case "j":
    case "ArrowDown":
      if (e.key === "ArrowDown" && !onHit) return;
      e.preventDefault();
      focusHit(list, onHit ? at + 1 : 0);
      break;
    case "k":
    case "ArrowUp":
      if (e.key === "ArrowUp" && !onHit) return;
      e.preventDefault();
      focusHit(list, onHit ? at - 1 : 0);
      break;
    case "Enter":
      if (!onHit) return;
      e.preventDefault();
      openHit(list[at]);
      break;
    }
  });
})();
