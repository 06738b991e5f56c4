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
