package no.dfo.kundesenter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.TestPeople.Agency;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static no.dfo.kundesenter.access.Role.ACCOUNTING_CASEWORKER;
import static no.dfo.kundesenter.access.Role.ACCOUNTING_SPECIALIST;
import static no.dfo.kundesenter.access.Role.ADMINISTRATOR;
import static no.dfo.kundesenter.access.Role.PAYROLL_CASEWORKER;
import static no.dfo.kundesenter.access.Role.PAYROLL_SPECIALIST;
import static no.dfo.kundesenter.access.Role.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every person against every case: what DESIGN.md section 5 says they may see, checked
 * through the pages themselves. The rules are written once, in {@link #SEES} and
 * {@link #ROWS}; the portal's own policy is never consulted. To cover a new endpoint (an
 * attachment download, posting a message, search), add a row to {@link #ROWS}.
 * <p>
 * The database is shared with every other test class, in any order. Lists and counts are
 * checked against every case in it; the pages themselves (every row after the first two)
 * for the demo cases and the cases this test makes, whose contents it knows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

	/** Searches for words of the messages this test writes. */
	private static final String PUBLIC_WORD = "&q=offentlig";

	private static final String INTERNAL_WORD = "&q=notat";

	/** DESIGN.md section 5, one line per role: the viewer sees the case when ... */
	private static final Map<Role, BiPredicate<Viewer, CaseRow>> SEES = Map.of(REPORTER,
			(v, c) -> c.reporterId() == v.id(), PAYROLL_SPECIALIST,
			(v, c) -> c.reporterId() == v.id()
					|| (c.organizationId() == v.organizationId() && c.category() == Category.PAYROLL),
			ACCOUNTING_SPECIALIST,
			(v, c) -> c.reporterId() == v.id()
					|| (c.organizationId() == v.organizationId() && c.category() == Category.ACCOUNTING),
			PAYROLL_CASEWORKER, (v, c) -> c.category() == Category.PAYROLL, ACCOUNTING_CASEWORKER,
			(v, c) -> c.category() == Category.ACCOUNTING, ADMINISTRATOR, (v, c) -> false);

	/**
	 * The rule table: one row per thing a person can observe about a case, with what they
	 * must observe. Each row's probe asks the portal.
	 */
	private static final List<Row> ROWS = List.of(
			new Row("listed in /saker (widest scope, all pages)", AccessMatrixTests::sees,
					(t, v, c) -> t.listed(v, "virksomhet").contains(c.id())),
			new Row("listed in /saker?omfang=mine (all pages)", AccessMatrixTests::inOwnList,
					(t, v, c) -> t.listed(v, "mine").contains(c.id())),
			// From here on each row asks for pages of the case or changes it: only the
			// cases whose contents this test knows.
			new Row("GET /saker/{id} answers 200 (else 404)", AccessMatrixTests::sees,
					(t, v, c) -> t.detail(v, c).status() == 200),
			new Row("public message shown on the case page", AccessMatrixTests::sees,
					(t, v, c) -> t.detail(v, c).body().contains(escape(c.publicText()))),
			new Row("internal note shown on the case page",
					(v, c) -> sees(v, c) && v.isCaseworker() && c.internalText() != null,
					(t, v, c) -> c.internalText() != null && t.detail(v, c).body().contains(escape(c.internalText()))),
			new Row("who-opened-the-case log shown", (v, c) -> sees(v, c) && v.isCaseworker(),
					(t, v, c) -> t.detail(v, c).body().contains("id=\"audit-title\"")),
			new Row("GET the attachment of the first public message answers 200 (else 404)",
					(v, c) -> sees(v, c) && c.publicAttachment() != null,
					(t, v, c) -> c.publicAttachment() != null && t.download(v, c, c.publicAttachment()) == 200),
			new Row("GET the attachment of an internal note answers 200 (else 404)",
					(v, c) -> sees(v, c) && v.isCaseworker() && c.internalAttachment() != null,
					(t, v, c) -> c.internalAttachment() != null && t.download(v, c, c.internalAttachment()) == 200),
			// Searching: the words of the messages this test wrote ("Offentlig melding
			// N",
			// "Internt notat N"), across every page of the widest scope.
			new Row("found by a word of its public message (/saker?q=)", (v, c) -> sees(v, c) && c.madeHere(),
					(t, v, c) -> c.madeHere() && t.listed(v, "virksomhet" + PUBLIC_WORD).contains(c.id())),
			new Row("found by a word of its internal note (/saker?q=)",
					(v, c) -> sees(v, c) && v.isCaseworker() && c.madeHere() && c.internalText() != null,
					(t, v, c) -> c.madeHere() && t.listed(v, "virksomhet" + INTERNAL_WORD).contains(c.id())),
			// Posting changes the case, so only the cases this test made are written to.
			new Row("POST /saker/{id}/meldinger accepted (else 404)", (v, c) -> sees(v, c) && c.madeHere(),
					(t, v, c) -> c.madeHere() && t.postMessage(v, c)));

	/** The rows that only read the lists loaded beforehand, cheap for any case. */
	private static final List<Row> LIST_ROWS = ROWS.subList(0, 2);

	private static final Pattern CASE_LINK = Pattern.compile("href=\"/saker/(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Attachments attachments;

	@Autowired
	UserDetailsService userDetails;

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, Set<Long>> lists = new ConcurrentHashMap<>();

	private final Map<String, Long> counts = new ConcurrentHashMap<>();

	private final Map<String, Detail> details = new ConcurrentHashMap<>();

	@Test
	void everyPersonSeesExactlyTheCasesTheRulesGiveThemInEveryListCountAndPage() throws Exception {
		List<Viewer> viewers = setUpPeopleAndCases();
		List<CaseRow> cases = allCases();
		assertEveryKindOfCaseIsPresent(cases.stream().filter(CaseRow::known).toList());

		List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
		AtomicLong pairs = new AtomicLong();
		AtomicLong assertions = new AtomicLong();
		// People are independent of each other: check them four at a time. Every list is
		// read
		// before anyone posts a message, which would reorder the lists while they are
		// paged.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (Viewer viewer : viewers) {
			work.add(pool.submit(() -> {
				loadList(viewer, "virksomhet");
				loadList(viewer, "mine");
				loadList(viewer, "virksomhet" + PUBLIC_WORD);
				loadList(viewer, "virksomhet" + INTERNAL_WORD);
				return null;
			}));
		}
		for (Future<?> done : work) {
			done.get();
		}
		work.clear();
		for (Viewer viewer : viewers) {
			work.add(pool.submit(() -> {
				check(viewer, cases, mismatches, pairs, assertions);
				return null;
			}));
		}
		for (Future<?> done : work) {
			done.get();
		}
		pool.shutdown();
		System.out.printf("Access matrix: %d people x %d cases = %d pairs, %d rows, %d assertions, %d requests%n",
				viewers.size(), cases.size(), pairs.get(), ROWS.size(), assertions.get(), this.requests.get());
		assertThat(mismatches.subList(0, Math.min(40, mismatches.size())))
			.as("%d mismatches, the first 40", mismatches.size())
			.isEmpty();
		assertThat(this.requests.get()).isGreaterThanOrEqualTo(2000);
	}

	private void check(Viewer viewer, List<CaseRow> cases, List<String> mismatches, AtomicLong pairs,
			AtomicLong assertions) throws Exception {
		for (String scope : List.of("virksomhet", "mine")) {
			long expected = cases.stream()
				.filter((c) -> scope.equals("mine") ? inOwnList(viewer, c) : sees(viewer, c))
				.count();
			assertions.incrementAndGet();
			if (this.counts.get(viewer.username() + scope) != expected) {
				mismatches.add(viewer.username() + ": count for omfang=" + scope + " was "
						+ this.counts.get(viewer.username() + scope) + ", expected " + expected);
			}
		}
		for (CaseRow c : cases) {
			if (c.known()) {
				pairs.incrementAndGet();
			}
			for (Row row : c.known() ? ROWS : LIST_ROWS) {
				boolean expected = !viewer.hasNoRole() && row.expected().test(viewer, c);
				boolean observed = row.probe().observe(this, viewer, c);
				assertions.incrementAndGet();
				if (expected != observed) {
					mismatches.add(viewer.username() + " " + viewer.roles() + " / case " + c.id() + " (" + c.category()
							+ ", org " + c.organizationId() + "): " + row.name() + " expected " + expected + " but was "
							+ observed);
				}
			}
			if (!c.known()) {
				continue;
			}
			Detail detail = detail(viewer, c);
			int expectedStatus = viewer.hasNoRole() ? 302 : sees(viewer, c) ? 200 : 404;
			assertions.incrementAndGet();
			if (detail.status() != expectedStatus) {
				mismatches.add(viewer.username() + " / case " + c.id() + ": status " + detail.status() + ", expected "
						+ expectedStatus);
			}
			if (!viewer.isCaseworker() && detail.body().contains("message--internal")) {
				mismatches.add(viewer.username() + " / case " + c.id() + ": an internal note was rendered");
			}
		}
	}

	/** "Mine saker" narrows to own cases; caseworkers have no such choice. */
	private static boolean inOwnList(Viewer viewer, CaseRow c) {
		return sees(viewer, c) && (viewer.isCaseworker() || c.reporterId() == viewer.id());
	}

	private static boolean sees(Viewer viewer, CaseRow c) {
		return viewer.roles().stream().anyMatch((role) -> SEES.get(role).test(viewer, c));
	}

	/**
	 * Two new agencies besides the demo ones, people in every role and in combined roles,
	 * and cases in both categories, every status and every channel (every combination at
	 * the first new agency), each with a public message and (once answered) an internal
	 * note.
	 */
	private List<Viewer> setUpPeopleAndCases() {
		TestPeople people = new TestPeople(this.jdbc);
		Agency testetaten = people.existing("910000004");
		Agency centre = people.existing("974000008");
		Agency matrix = people.agency("Matriseetaten");
		Agency control = people.agency("Kontrollverket");
		MADE_HERE.addAll(List.of(matrix.id(), control.id()));
		// The demo data's cases: the first ten of each agency-side demo person
		// (R__demo_data.sql).
		KNOWN.addAll(this.jdbc.queryForList("""
				select id from (select c.id, row_number() over (partition by c.reporter_id order by c.id) as n
				    from support_case c join app_user u on u.id = c.reporter_id
				    where u.username in ('kari', 'ola', 'lise', 'rune', 'per')) as firsts
				where n <= 10""", Long.class));

		List<String> usernames = new ArrayList<>(
				List.of("kari", "ola", "lise", "rune", "per", "siri", "sverre", "admin", "nina"));
		String reporterA = people.person("innmelder-a", matrix.id(), REPORTER);
		String reporterB = people.person("innmelder-b", control.id(), REPORTER);
		usernames.addAll(List.of(reporterA, reporterB));
		List<String> agencyPeople = new ArrayList<>();
		for (Agency agency : List.of(matrix, control)) {
			agencyPeople.add(people.person("fag-lonn", agency.id(), PAYROLL_SPECIALIST));
			agencyPeople.add(people.person("fag-regnskap", agency.id(), ACCOUNTING_SPECIALIST));
			agencyPeople.add(people.person("fag-begge", agency.id(), PAYROLL_SPECIALIST, ACCOUNTING_SPECIALIST));
		}
		agencyPeople.add(people.person("innmelder-og-fag-lonn", matrix.id(), REPORTER, PAYROLL_SPECIALIST));
		agencyPeople.add(people.person("fag-begge-t", testetaten.id(), PAYROLL_SPECIALIST, ACCOUNTING_SPECIALIST));
		usernames.addAll(agencyPeople);
		usernames.add(people.person("sb-begge", centre.id(), PAYROLL_CASEWORKER, ACCOUNTING_CASEWORKER));
		usernames.add(people.person("uten-rolle", matrix.id()));

		long caseworker = people.id("siri");
		int n = 0;
		for (Category category : Category.values()) {
			for (CaseStatus status : CaseStatus.values()) {
				for (Channel channel : Channel.values()) {
					insertCase(people.id(reporterA), category, status, channel, caseworker, ++n);
				}
				// The second agency gets every status in both categories, channels in
				// turn.
				insertCase(people.id(reporterB), category, status, Channel.values()[n % 3], caseworker, ++n);
			}
		}
		for (String person : agencyPeople) {
			for (Category category : Category.values()) {
				insertCase(people.id(person), category, CaseStatus.IN_PROGRESS, Channel.WEB, caseworker, ++n);
			}
		}
		attachToFirstMessages(matrix.id(), control.id());
		return usernames.stream().map(this::viewer).toList();
	}

	/**
	 * A file on the first public message and on the first internal note of this test's
	 * cases.
	 */
	private void attachToFirstMessages(long... organizationIds) {
		for (long organizationId : organizationIds) {
			this.jdbc.query("""
					select distinct on (m.case_id, m.internal) m.case_id, m.id, m.internal, m.author_id
					from message m join support_case c on c.id = m.case_id
					where c.organization_id = ? order by m.case_id, m.internal, m.id""", (rs) -> {
				String name = rs.getBoolean(3) ? "internt-notat.txt" : "offentlig.txt";
				this.attachments.addToCase(
						List.of(new MockMultipartFile("files", name, "text/plain",
								("Vedlegg til sak " + rs.getLong(1)).getBytes(StandardCharsets.UTF_8))),
						rs.getLong(1), rs.getLong(2), rs.getLong(4));
			}, organizationId);
		}
	}

	int download(Viewer viewer, CaseRow c, String attachmentId) throws Exception {
		return perform(viewer, "/saker/" + c.id() + "/vedlegg/" + attachmentId).getResponse().getStatus();
	}

	private void insertCase(long reporterId, Category category, CaseStatus status, Channel channel, long caseworkerId,
			int n) {
		Long id = this.jdbc.queryForObject("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				    created_at, updated_at, activity_at)
				select ?, ?, ?, ?, organization_id, id, now(), now(), now() from app_user where id = ?
				returning id""", Long.class, category.name(), channel.name(), status.name(), "Matrisesak " + n,
				reporterId);
		KNOWN.add(id);
		this.jdbc.update("""
				insert into message (case_id, author_id, author_side, body, internal, created_at)
				values (?, ?, 'CUSTOMER', ?, false, now())""", id, reporterId, "Offentlig melding " + id);
		if (status != CaseStatus.ACTIVE) {
			this.jdbc.update("""
					insert into message (case_id, author_id, author_side, body, internal, created_at)
					values (?, ?, 'CENTRE', ?, true, now())""", id, caseworkerId, "Internt notat " + id);
		}
	}

	private List<CaseRow> allCases() {
		return this.jdbc.query("""
				select c.id, c.category, c.status, c.channel, c.organization_id, c.reporter_id,
				  (select m.body from message m where m.case_id = c.id and not m.internal order by m.id limit 1),
				  (select m.body from message m where m.case_id = c.id and m.internal order by m.id limit 1),
				  (select a.id::text from attachment a join message m on m.id = a.message_id
				     where a.case_id = c.id and not m.internal order by a.seq limit 1),
				  (select a.id::text from attachment a join message m on m.id = a.message_id
				     where a.case_id = c.id and m.internal order by a.seq limit 1)
				from support_case c order by c.id""",
				(rs, i) -> new CaseRow(rs.getLong(1), Category.valueOf(rs.getString(2)),
						CaseStatus.valueOf(rs.getString(3)), Channel.valueOf(rs.getString(4)), rs.getLong(5),
						rs.getLong(6), firstLine(rs.getString(7)), firstLine(rs.getString(8)), rs.getString(9),
						rs.getString(10)));
	}

	/** As Thymeleaf escapes text. */
	private static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String firstLine(String text) {
		return (text == null) ? null : text.lines().findFirst().orElse(text);
	}

	private void assertEveryKindOfCaseIsPresent(List<CaseRow> cases) {
		Set<String> kinds = new HashSet<>();
		cases.forEach((c) -> kinds.add(c.category() + "/" + c.status() + "/" + c.channel()));
		assertThat(kinds).hasSize(Category.values().length * CaseStatus.values().length * Channel.values().length);
		assertThat(cases).anyMatch((c) -> c.internalText() != null).anyMatch((c) -> c.internalText() == null);
	}

	private Viewer viewer(String username) {
		var details = this.userDetails.loadUserByUsername(username);
		var user = ((no.dfo.kundesenter.access.internal.PortalUserDetails) details).getUser();
		Set<Role> roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		return new Viewer(username, user.id(), user.organizationId(), roles, user(details));
	}

	/** Every page of the list in one scope: the ids shown and the count. */
	private void loadList(Viewer viewer, String scope) throws Exception {
		Set<Long> ids = new HashSet<>();
		int page = 1;
		int pages = 1;
		long total = 0;
		do {
			MvcResult result = perform(viewer, "/saker?omfang=" + scope + "&side=" + page);
			if (result.getResponse().getStatus() != 200) {
				break;
			}
			Page<?> shown = (Page<?>) result.getModelAndView().getModel().get("page");
			pages = shown.getTotalPages();
			total = shown.getTotalElements();
			Matcher links = CASE_LINK.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			while (links.find()) {
				ids.add(Long.valueOf(links.group(1)));
			}
		}
		while (++page <= pages);
		this.lists.put(viewer.username() + scope, ids);
		this.counts.put(viewer.username() + scope, total);
	}

	Set<Long> listed(Viewer viewer, String scope) {
		return this.lists.get(viewer.username() + scope);
	}

	Detail detail(Viewer viewer, CaseRow c) throws Exception {
		String key = viewer.username() + "/" + c.id();
		Detail detail = this.details.get(key);
		if (detail == null) {
			MvcResult result = perform(viewer, "/saker/" + c.id());
			detail = new Detail(result.getResponse().getStatus(),
					result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			this.details.put(key, detail);
		}
		return detail;
	}

	/**
	 * Whether the portal took the message (back to the case page), as opposed to 404 or a
	 * detour.
	 */
	boolean postMessage(Viewer viewer, CaseRow c) throws Exception {
		this.requests.incrementAndGet();
		var response = this.mvc
			.perform(post("/saker/" + c.id() + "/meldinger").param("body", "Melding fra tilgangsmatrisen")
				.with(csrf())
				.with(viewer.auth()))
			.andReturn()
			.getResponse();
		String location = response.getRedirectedUrl();
		return response.getStatus() == 200
				|| (response.getStatus() == 302 && location != null && location.startsWith("/saker/" + c.id()));
	}

	private MvcResult perform(Viewer viewer, String url) throws Exception {
		this.requests.incrementAndGet();
		return this.mvc.perform(get(url).with(viewer.auth())).andReturn();
	}

	record Viewer(String username, long id, long organizationId, Set<Role> roles, RequestPostProcessor auth) {

		boolean isCaseworker() {
			return this.roles.contains(PAYROLL_CASEWORKER) || this.roles.contains(ACCOUNTING_CASEWORKER);
		}

		boolean hasNoRole() {
			return this.roles.isEmpty();
		}

	}

	record CaseRow(long id, Category category, CaseStatus status, Channel channel, long organizationId, long reporterId,
			String publicText, String internalText, String publicAttachment, String internalAttachment) {

		/**
		 * Whether the case belongs to one of the agencies this test created (not demo
		 * data).
		 */
		boolean madeHere() {
			return MADE_HERE.contains(this.organizationId);
		}

		/** A demo case or one this test made, whose pages it checks. */
		boolean known() {
			return KNOWN.contains(this.id);
		}

	}

	private static final Set<Long> MADE_HERE = ConcurrentHashMap.newKeySet();

	private static final Set<Long> KNOWN = ConcurrentHashMap.newKeySet();

	record Detail(int status, String body) {
	}

	@FunctionalInterface
	interface Probe {

		boolean observe(AccessMatrixTests test, Viewer viewer, CaseRow c) throws Exception;

	}

	record Row(String name, BiPredicate<Viewer, CaseRow> expected, Probe probe) {
	}

}
