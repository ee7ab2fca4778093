package no.dfo.kundesenter.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.VariableExpression;

/**
 * Evaluates {@code ${name}} and {@code ${name.component.component}} on the portal's own
 * records without SpEL, and hands every other expression to Thymeleaf's SpEL evaluator.
 * <p>
 * A list page evaluates about five hundred such expressions, and SpEL spends most of the
 * time on each in resolving the variable, checking the member against Thymeleaf's
 * restrictions and reading it by reflection. Here the path is parsed once and each
 * component read through a cached method handle. Only the portal's own records and enums
 * are read this way: Thymeleaf's restrictions allow them anyway, and a plain path can
 * neither reach a static member nor create an object. A value of any other type, a
 * {@literal null} before the last step, request parameters and {@code ${{…}}} go to SpEL,
 * which then gives its usual result or error. Where Thymeleaf restricts what a result may
 * be (event handler attributes), the attribute processor still checks it.
 */
final class RecordPathEvaluator implements IStandardVariableExpressionEvaluator {

	private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	private static final String OWN_PACKAGES = "no.dfo.kundesenter.";

	private static final Object UNREAD = new Object();

	private static final int MAX_CACHED_PATHS = 2000;

	/** Request parameters, which Thymeleaf forbids in some places: SpEL decides. */
	private static final String PARAMETERS = "param";

	private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
		@Override
		protected Map<String, MethodHandle> computeValue(Class<?> type) {
			Map<String, MethodHandle> accessors = new HashMap<>();
			if (type.isRecord() && isOwn(type)) {
				for (RecordComponent component : type.getRecordComponents()) {
					accessors.put(component.getName(), accessor(type, component));
				}
			}
			return Map.copyOf(accessors);
		}
	};

	private final IStandardVariableExpressionEvaluator spel;

	private final Map<String, Optional<List<String>>> paths = new ConcurrentHashMap<>();

	RecordPathEvaluator(IStandardVariableExpressionEvaluator spel) {
		this.spel = spel;
	}

	RecordPathEvaluator() {
		this(SPELVariableExpressionEvaluator.INSTANCE);
	}

	@Override
	public @Nullable Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
			StandardExpressionExecutionContext expContext) {
		if (expression instanceof VariableExpression && !expContext.getPerformTypeConversion()) {
			List<String> path = path(expression.getExpression()).orElse(null);
			if (path != null) {
				Object value = read(context, path);
				if (value != UNREAD) {
					return value;
				}
			}
		}
		return this.spel.evaluate(context, expression, expContext);
	}

	private Optional<List<String>> path(String expression) {
		Optional<List<String>> path = this.paths.get(expression);
		if (path == null) {
			path = parse(expression);
			// Preprocessing (__…__) can build expressions the templates do not hold.
			if (this.paths.size() < MAX_CACHED_PATHS) {
				this.paths.put(expression, path);
			}
		}
		return path;
	}

	private static @Nullable Object read(IExpressionContext context, List<String> path) {
		Object value = context.getVariable(path.get(0));
		if (value == null) {
			return UNREAD;
		}
		if (path.size() == 1) {
			return isPlain(value) ? value : UNREAD;
		}
		for (int i = 1; i < path.size(); i++) {
			if (value == null) {
				return UNREAD;
			}
			MethodHandle accessor = COMPONENTS.get(value.getClass()).get(path.get(i));
			if (accessor == null) {
				return UNREAD;
			}
			value = invoke(accessor, value);
		}
		return value;
	}

	/**
	 * A value SpEL would return untouched: text, a number, a flag, or one of the portal's
	 * records or enums.
	 */
	private static boolean isPlain(Object value) {
		return value instanceof String || value instanceof Boolean || value instanceof Number
				|| (value instanceof Record && isOwn(value.getClass()))
				|| (value instanceof Enum<?> constant && isOwn(constant.getDeclaringClass()));
	}

	private static boolean isOwn(Class<?> type) {
		return type.getName().startsWith(OWN_PACKAGES);
	}

	private static Optional<List<String>> parse(String expression) {
		if (!PATH.matcher(expression).matches() || expression.equals(PARAMETERS)
				|| expression.startsWith(PARAMETERS + ".")) {
			return Optional.empty();
		}
		return Optional.of(List.of(expression.split("\\.")));
	}

	private static MethodHandle accessor(Class<?> type, RecordComponent component) {
		try {
			return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
				.unreflect(component.getAccessor())
				.asType(MethodType.methodType(Object.class, Object.class));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + type.getName() + "." + component.getName(), ex);
		}
	}

	private static @Nullable Object invoke(MethodHandle accessor, Object target) {
		try {
			return (Object) accessor.invokeExact(target);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new TemplateProcessingException("Could not read " + target.getClass().getName(), ex);
		}
	}

	@Override
	public String toString() {
		return "SpringEL, with record paths read directly";
	}

}
