package no.dfo.kundesenter.cases;

/**
 * Which service a case is for (kategori).
 */
public enum Category {

	/** Lønn. */
	PAYROLL,

	/** Regnskap. */
	ACCOUNTING

}
