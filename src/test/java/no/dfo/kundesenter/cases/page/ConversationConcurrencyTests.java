package no.dfo.kundesenter.cases.page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class ConversationConcurrencyTests {

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fiftyMessagesPostedAtOnceToOneCaseAreAllKeptAndReopenItOnce() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.WAITING_FOR_CUSTOMER);
		PortalUser kari = this.fixtures.user("kari");
		PortalUser lise = this.fixtures.user("lise");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> posts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int n = i;
			posts.add(pool.submit((Callable<Void>) () -> {
				start.await();
				this.conversation.postCustomerMessage(id, "Melding " + n, (n % 2 == 0) ? kari : lise);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> post : posts) {
			post.get();
		}
		pool.shutdown();
		assertThat(this.jdbc.queryForList("select body from message where case_id = ? and body like 'Melding %'",
				String.class, id))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj((n) -> "Melding " + n).toList());
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.ACTIVE);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from status_change where case_id = ? and caused_by_customer_message", Integer.class,
				id))
			.as("reopened once, by the first message")
			.isEqualTo(1);
	}

	@Test
	void aStatusChangeFromAStalePageIsRefusedAndChangesNothing() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		long seen = this.fixtures.version(id);
		this.conversation.postCustomerMessage(id, "Jeg har en ting til", this.fixtures.user("kari"));
		int messages = this.fixtures.messages(id);
		assertThatExceptionOfType(CaseChangedException.class).isThrownBy(() -> this.conversation.respond(id,
				new Response("Saken er ferdig", false, CaseStatus.CLOSED, seen), this.fixtures.user("siri")));
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(this.fixtures.messages(id)).isEqualTo(messages);
	}

}
