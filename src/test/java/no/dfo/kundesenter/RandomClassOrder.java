package no.dfo.kundesenter;

import java.util.Collections;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes in a random order (junit-platform.properties), so that no class
 * can come to depend on another's data or on running first, and prints the seed, so that
 * an order that fails can be run again: {@code ./mvnw verify
 * -DargLine=-Djunit.jupiter.execution.order.random.seed=<seed>}. JUnit's own
 * {@link ClassOrderer.Random} logs its seed only at a level nobody sees.
 */
public class RandomClassOrder implements ClassOrderer {

	static final String SEED = "junit.jupiter.execution.order.random.seed";

	private static final long DEFAULT_SEED = System.nanoTime();

	private static final AtomicBoolean PRINTED = new AtomicBoolean();

	@Override
	public void orderClasses(ClassOrdererContext context) {
		long seed = context.getConfigurationParameter(SEED).map(Long::parseLong).orElse(DEFAULT_SEED);
		if (PRINTED.compareAndSet(false, true)) {
			System.out.printf("Test classes in random order, seed %d (repeat with -DargLine=-D%s=%d)%n", seed, SEED,
					seed);
		}
		Collections.shuffle(context.getClassDescriptors(), new java.util.Random(seed));
	}

	/**
	 * The classes by name, Z to A: the opposite of an order by name, to run the classes
	 * in once against any order that happened to work. Choose it with
	 * {@code -DargLine=-Djunit.jupiter.testclass.order.default=no.dfo.kundesenter.RandomClassOrder$ReverseName}.
	 */
	public static class ReverseName implements ClassOrderer {

		@Override
		public void orderClasses(ClassOrdererContext context) {
			context.getClassDescriptors()
				.sort(Comparator
					.comparing(
							(org.junit.jupiter.api.ClassDescriptor descriptor) -> descriptor.getTestClass().getName())
					.reversed());
		}

	}

}
