package no.dfo.kundesenter.cases.core;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Bilag til utbetaling: the extra facts of a payroll case about a payment.
 */
@Embeddable
public class PaymentVoucher {

	@Column(name = "voucher_employee_number")
	private String employeeNumber;

	@Column(name = "voucher_employee_name")
	private String employeeName;

	/** YYYY-MM. */
	@Column(name = "voucher_pay_period")
	private String payPeriod;

	@Column(name = "voucher_amount")
	private BigDecimal amount;

	@Column(name = "voucher_note")
	private @Nullable String note;

	protected PaymentVoucher() {
	}

	public PaymentVoucher(String employeeNumber, String employeeName, String payPeriod, BigDecimal amount,
			@Nullable String note) {
		if (amount.signum() <= 0 || amount.scale() > 2) {
			throw new IllegalArgumentException("Amount must be positive with at most two decimals");
		}
		this.employeeNumber = Objects.requireNonNull(employeeNumber);
		this.employeeName = Objects.requireNonNull(employeeName);
		this.payPeriod = Objects.requireNonNull(payPeriod);
		this.amount = amount;
		this.note = note;
	}

	public String getEmployeeNumber() {
		return this.employeeNumber;
	}

	public String getEmployeeName() {
		return this.employeeName;
	}

	public String getPayPeriod() {
		return this.payPeriod;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public @Nullable String getNote() {
		return this.note;
	}

}
