package no.dfo.kundesenter.cases;

import java.time.Instant;

/**
 * How many closed cases met their service-level targets: the first answer and the closing
 * each within its due time in working time.
 */
public interface ServiceTargetShares {

	/**
	 * The cases of a category closed from {@code from} (inclusive) to {@code to}
	 * (exclusive), by whether they met both targets.
	 */
	Share closed(Category category, Instant from, Instant to);

	/**
	 * @param met closed cases that met both targets
	 * @param missed closed cases that missed at least one
	 */
	record Share(long met, long missed) {

		public long total() {
			return this.met + this.missed;
		}

		/** The share that met both, from 0 to 1; 0 when none were closed. */
		public double withinTarget() {
			return (total() == 0) ? 0 : (double) this.met / total();
		}

	}

}
