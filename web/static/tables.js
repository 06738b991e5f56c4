// reportsearch: tables whose headers sort them (table.sortable). A header
// button sorts by its column, ascending then descending; a cell's
// data-value, when present, is what it sorts by (a year, a verdict), and
// a number column (data-sort="number") sorts as numbers. The page reads
// in its server order without JavaScript.
"use strict";

document.addEventListener("click", (event) => {
  const button = event.target.closest("table.sortable th button[data-sort]");
  if (!button) return;
  const th = button.closest("th");
  const table = th.closest("table");
  const column = Array.from(th.parentElement.children).indexOf(th);
  const numeric = button.dataset.sort === "number";
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const key = (row) => {
    const cell = row.children[column];
    const v = cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
    return numeric ? Number(v) || 0 : v;
  };
  const rows = Array.from(body.rows).filter((r) => r.children.length > 1);
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return ascending ? c : -c;
  });
  rows.forEach((r) => body.appendChild(r));
});
