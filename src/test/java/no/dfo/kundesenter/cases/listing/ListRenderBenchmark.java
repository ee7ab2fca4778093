package no.dfo.kundesenter.cases.listing;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Not a test (the name keeps it out of the test run): prints how long Thymeleaf takes to
 * render one list page, on one thread, with the model the controller built for it. It
 * first gives the user {@code bench.cases} cases of their own (30), so that a page of
 * their list is full, and removes them afterwards. {@code bench.views} compares variants
 * of the template in one JVM (bench/README.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ListRenderBenchmark {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	@Qualifier("thymeleafViewResolver")
	ViewResolver resolver;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void render() throws Exception {
		String username = System.getProperty("bench.user", "kari");
		String subject = "Benchmark " + System.nanoTime();
		this.jdbc.update("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				                          created_at, updated_at, activity_at)
				select case when g % 3 = 0 then 'ACCOUNTING' else 'PAYROLL' end,
				       case when g % 4 = 0 then 'PHONE' else 'WEB' end, 'ACTIVE', ? || ' ' || g,
				       u.organization_id, u.id, now(), now(), now()
				from app_user u, generate_series(1, ?) g where u.username = ?
				""", subject, Integer.getInteger("bench.cases", 30), username);
		try {
			render(username);
		}
		finally {
			this.jdbc.update("delete from support_case where subject like ?", subject + " %");
		}
	}

	private void render(String username) throws Exception {
		String path = System.getProperty("bench.path", "/saker");
		int renders = Integer.getInteger("bench.renders", 3000);
		int rounds = Integer.getInteger("bench.rounds", 6);
		MvcResult result = this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(username)))).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET " + path + " as " + username).isEqualTo(200);
		ModelAndView page = result.getModelAndView();
		MockHttpServletRequest request = result.getRequest();
		String[] names = System.getProperty("bench.views", page.getViewName()).split(",");
		for (int round = 1; round <= rounds; round++) {
			for (String name : names) {
				View view = this.resolver.resolveViewName(name, Locale.of("nb", "NO"));
				int bytes = 0;
				long start = System.nanoTime();
				for (int i = 0; i < renders; i++) {
					MockHttpServletResponse response = new MockHttpServletResponse();
					view.render(page.getModel(), request, response);
					bytes = response.getContentAsByteArray().length;
				}
				double micros = (System.nanoTime() - start) / 1000.0 / renders;
				// Timing an empty or failed render would be no figure at all.
				assertThat(bytes).as("bytes of %s", name).isPositive();
				System.out.printf("RENDER round %d %s: %.0f µs per page of %d bytes%n", round, name, micros, bytes);
			}
		}
	}

}
