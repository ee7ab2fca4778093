package no.dfo.kundesenter.web;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a controller binds, in every form and query parameter of every module, goes
 * through {@link FormText#clean}; a field sent twice is taken as sent first, not joined
 * with a comma.
 */
@ControllerAdvice
class FormTextAdvice {

	@InitBinder
	void cleanText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new CleanTextEditor());
	}

	private static final class CleanTextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			setValue((text != null) ? FormText.clean(text) : null);
		}

		@Override
		public void setValue(@Nullable Object value) {
			if (value instanceof String[] values) {
				super.setValue((values.length > 0 && values[0] != null) ? FormText.clean(values[0]) : null);
			}
			else if (value instanceof String text) {
				super.setValue(FormText.clean(text));
			}
			else {
				super.setValue(value);
			}
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
