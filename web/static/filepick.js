// The file chooser and the form checks in Chinese. The browser's own file
// input says "Choose File / No file chosen", and its check of a required
// field "Please select a file", in the browser's language, not the page's:
// the input is hidden behind a Chinese button (the label opens it), the
// chosen file's name is shown beside it, and a required field says what is
// missing with its data-missing text.
(function () {
  'use strict';
  document.querySelectorAll('.file-pick').forEach(function (pick) {
    var input = pick.querySelector('input[type=file]');
    var name = pick.querySelector('.file-name');
    if (!input || !name) return;
    var none = name.textContent;
    var show = function () {
      name.textContent = input.files && input.files.length ? input.files[0].name : none;
    };
    input.addEventListener('change', show);
    show(); // a file kept by the browser after going back
  });
  document.querySelectorAll('[required][data-missing]').forEach(function (field) {
    field.addEventListener('invalid', function () {
      field.setCustomValidity(field.validity.valueMissing ? field.dataset.missing : '');
    });
    ['input', 'change'].forEach(function (t) {
      field.addEventListener(t, function () { field.setCustomValidity(''); });
    });
  });
})();
