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
      var payroll = checkedValue('[data-category]') === 'PAYROLL';
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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-new-case-form]').forEach(setUpNewCaseForm);
    document.querySelectorAll('[data-reply-form]').forEach(setUpCannedReplies);
    focusErrorSummary();
  });
})();
