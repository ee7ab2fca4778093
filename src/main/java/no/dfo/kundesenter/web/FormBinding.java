package no.dfo.kundesenter.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;

/**
 * Binds text fields to a form record the way a controller's form binding does: by
 * constructor, a list component taking every value, any other the first.
 */
final class FormBinding {

	private FormBinding() {
	}

	static Object bind(Class<? extends Record> type, Map<String, List<String>> fields) {
		DataBinder binder = new DataBinder(null);
		binder.setTargetType(ResolvableType.forClass(type));
		binder.construct(new DataBinder.ValueResolver() {

			@Override
			public @Nullable Object resolveValue(String name, Class<?> paramType) {
				List<String> values = fields.get(name);
				if (values == null || values.isEmpty()) {
					return null;
				}
				return List.class.isAssignableFrom(paramType) ? values.toArray(String[]::new) : values.get(0);
			}

			@Override
			public Set<String> getNames() {
				return fields.keySet();
			}

		});
		Object target = binder.getTarget();
		if (target == null) {
			throw new IllegalStateException("Could not bind " + type.getName() + ": " + binder.getBindingResult());
		}
		return target;
	}

}
