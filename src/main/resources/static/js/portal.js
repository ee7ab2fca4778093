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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-new-case-form]').forEach(setUpNewCaseForm);
    focusErrorSummary();
  });
})();
