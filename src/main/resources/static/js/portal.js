// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // "Meld inn ny sak": show the payroll questions only for lønn, and the voucher fields only for "Ja".
  function setUpNewCaseForm(form) {
    var payrollOnly = form.querySelector('[data-payroll-only]');
    var voucherFields = form.querySelector('[data-voucher-fields]');
    if (!payrollOnly || !voucherFields) {
      return;
    }
    function checkedValue(selector) {
      var checked = form.querySelector(selector + ':checked');
      return checked ? checked.value : null;
    }
    function update() {
      var payroll = checkedValue('input[name="category"]') === 'PAYROLL';
      payrollOnly.hidden = !payroll;
      voucherFields.hidden = !(payroll && checkedValue('[data-voucher]') === 'ja');
    }
    form.addEventListener('change', update);
    update();
  }

  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
  }

  // Caseworker reply form: "Sett inn" puts the chosen canned reply into the text where the cursor is,
  // without a round trip. Without JavaScript the button posts the form and the server does the same.
  function setUpCannedReplies(form) {
    var select = form.querySelector('[data-canned-select]');
    var button = form.querySelector('[data-canned-insert]');
    var body = form.querySelector('textarea[name="body"]');
    if (!select || !button || !body) {
      return;
    }
    button.addEventListener('click', function (event) {
      var option = select.options[select.selectedIndex];
      var text = option ? option.getAttribute('data-text') : null;
      if (!text) {
        return;
      }
      event.preventDefault();
      var start = body.selectionStart;
      var end = body.selectionEnd;
      body.value = body.value.slice(0, start) + text + body.value.slice(end);
      body.focus();
      body.setSelectionRange(start + text.length, start + text.length);
    });
  }

  // Attachments on "Meld inn ny sak": upload chosen files and remove them with ✕ without
  // reloading the page. Without this, "Last opp" and ✕ submit the form and the server
  // shows it again with everything typed.
  function setUpDraftUploads(box) {
    var form = box.closest('form');
    var input = box.querySelector('[data-file-input]');
    var uploadButton = box.querySelector('[data-upload-button]');
    var list = box.querySelector('[data-draft-list]');
    var none = box.querySelector('[data-drafts-none]');
    var errors = box.querySelector('[data-upload-errors]');
    var status = box.querySelector('[data-attachments-status]');
    var csrf = form ? form.querySelector('input[name="_csrf"]') : null;
    if (!form || !input || !list || !errors || !status || !csrf || !window.fetch || !window.FormData) {
      return;
    }
    uploadButton.hidden = true;

    function say(text) {
      status.textContent = text;
    }
    function showErrors(html) {
      errors.innerHTML = html;
      box.classList.toggle('field--error', errors.textContent.trim() !== '');
      input.setAttribute('aria-invalid', errors.textContent.trim() !== '' ? 'true' : 'false');
    }
    function updateNone() {
      none.hidden = list.querySelector('[data-draft]') !== null;
    }
    function post(url, body) {
      return fetch(url, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': csrf.value, 'Accept': 'text/html' }
      });
    }

    input.addEventListener('change', function () {
      if (!input.files || input.files.length === 0) {
        return;
      }
      var body = new FormData();
      for (var i = 0; i < input.files.length; i++) {
        body.append('files', input.files[i]);
      }
      input.disabled = true;
      say(box.getAttribute('data-uploading-text'));
      post(box.getAttribute('data-upload-url'), body).then(function (response) {
        return response.text().then(function (html) {
          if (response.ok) {
            var holder = document.createElement('ul');
            holder.innerHTML = html;
            var names = [];
            holder.querySelectorAll('[data-draft]').forEach(function (item) {
              names.push(item.querySelector('.attachment-list__name').textContent);
              list.appendChild(item);
            });
            showErrors('');
            say(names.join(', '));
          } else if (response.status === 422 || response.status === 429) {
            var wrapper = document.createElement('div');
            wrapper.innerHTML = html;
            var inner = wrapper.querySelector('[data-upload-errors]');
            showErrors(inner ? inner.innerHTML : html);
            say('');
          } else {
            showErrors('');
            say(box.getAttribute('data-failed-text'));
          }
        });
      }).catch(function () {
        say(box.getAttribute('data-failed-text'));
      }).then(function () {
        input.value = '';
        input.disabled = false;
        updateNone();
        input.focus();
      });
    });

    list.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-remove-url]');
      if (!button) {
        return;
      }
      event.preventDefault();
      var item = button.closest('[data-draft]');
      var name = item.querySelector('.attachment-list__name').textContent;
      button.disabled = true;
      post(button.getAttribute('data-remove-url'), new FormData()).then(function (response) {
        if (response.ok || response.status === 404) {
          var next = item.nextElementSibling || item.previousElementSibling;
          item.remove();
          updateNone();
          say(button.getAttribute('aria-label') + ' ✓');
          (next ? next.querySelector('button') : input).focus();
        } else {
          button.disabled = false;
          say(box.getAttribute('data-failed-text'));
        }
      }).catch(function () {
        button.disabled = false;
        say(box.getAttribute('data-failed-text'));
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-new-case-form]').forEach(setUpNewCaseForm);
    document.querySelectorAll('[data-reply-form]').forEach(setUpCannedReplies);
    document.querySelectorAll('[data-draft-uploads]').forEach(setUpDraftUploads);
    focusErrorSummary();
  });
})();
