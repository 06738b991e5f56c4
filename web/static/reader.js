// reportsearch: the reading view (/read/{report}). The server marked the
// query's matches; this walks them — 「上一处 / 下一处」, n and Shift+N —
// says 「第 3 / 17 处」, and names the section being read in the tab's
// title as the reader scrolls or jumps. It builds no markup.
"use strict";

(function () {
  const article = document.getElementById("reading");
  if (!article) return;
  const baseTitle = document.title;
  const paras = Array.from(article.querySelectorAll("p.para"));
  const marks = Array.from(article.querySelectorAll("p.para mark"));
  const count = article.querySelector(".match-count");
  const prev = article.querySelector(".match-prev");
  const next = article.querySelector(".match-next");
  const toc = document.getElementById("toc");
  let current = -1;

  // The table of contents is open beside the text on a wide screen and
  // folded above it on a phone, where it would push the text down.
  const narrow = window.matchMedia("(max-width: 720px)");
  if (toc && narrow.matches) toc.open = false;
  if (toc) {
    toc.addEventListener("click", (e) => {
      if (e.target.closest("a") && narrow.matches) toc.open = false;
    });
  }

  // The height the sticky header and match bar cover at the top.
  function covered() {
    let y = 0;
    document.querySelectorAll(".top, .match-bar").forEach((el) => {
      const r = el.getBoundingClientRect();
      if (getComputedStyle(el).position === "sticky") y = Math.max(y, r.bottom);
    });
    return y;
  }

  // The paragraph at the top of what is visible: the last one that begins
  // above the line under the sticky header (a binary search: a report may
  // have thousands).
  function paraAtTop() {
    const line = covered() + 8;
    let lo = 0, hi = paras.length - 1, found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (paras[mid].getBoundingClientRect().top <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return paras[found];
  }

  let shownSection = null;
  function nameSection(para) {
    if (!para) return;
    const section = para.dataset.section || "";
    if (section === shownSection) return;
    shownSection = section;
    const head = section ? document.getElementById(section) : null;
    document.title = head ? head.textContent.trim() + " · " + baseTitle : baseTitle;
    if (toc) {
      toc.querySelectorAll("a[aria-current]").forEach((a) => a.removeAttribute("aria-current"));
      const entry = section ? toc.querySelector('a[href="#' + CSS.escape(section) + '"]') : null;
      if (entry) entry.setAttribute("aria-current", "location");
    }
  }

  let queued = false;
  window.addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(() => {
      queued = false;
      nameSection(paraAtTop());
    });
  }, {passive: true});

  function show(i) {
    if (!marks.length) return;
    if (current >= 0) marks[current].classList.remove("current");
    current = (i + marks.length) % marks.length;
    const mark = marks[current];
    mark.classList.add("current");
    mark.scrollIntoView({block: "center"});
    count.textContent = "第 " + (current + 1) + " / " + marks.length + " 处";
    nameSection(mark.closest("p.para"));
  }

  if (next) next.addEventListener("click", () => show(current + 1));
  if (prev) prev.addEventListener("click", () => show(current < 0 ? marks.length - 1 : current - 1));
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !marks.length) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "n") { e.preventDefault(); show(current + 1); }
    if (e.key === "N") { e.preventDefault(); show(current < 0 ? marks.length - 1 : current - 1); }
  });

  // Opened at a paragraph (#2.3/p1): the first match in it, or the next
  // after it, is the current one, so that 「下一处」 goes on from there.
  function openAt() {
    const id = decodeURIComponent(location.hash.slice(1));
    const para = id ? document.getElementById(id) : null;
    if (!para || !para.classList.contains("para")) {
      nameSection(paraAtTop());
      return;
    }
    const at = paras.indexOf(para);
    const first = marks.findIndex((m) => paras.indexOf(m.closest("p.para")) >= at);
    if (first >= 0 && marks[first].closest("p.para") === para) {
      show(first);
    } else {
      if (first >= 0) current = first - 1;
      para.scrollIntoView({block: "start"});
      nameSection(para);
    }
  }
  window.addEventListener("hashchange", openAt);
  openAt();
})();
