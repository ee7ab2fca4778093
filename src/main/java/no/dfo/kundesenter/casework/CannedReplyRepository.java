package no.dfo.kundesenter.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.cases.Category;
import org.springframework.data.jpa.repository.JpaRepository;

interface CannedReplyRepository extends JpaRepository<CannedReply, Long> {

	List<CannedReply> findByCategoryInOrderByTitle(Collection<Category> categories);

	Optional<CannedReply> findByIdAndCategoryIn(long id, Collection<Category> categories);

	boolean existsByCategoryAndTitleIgnoreCaseAndIdNot(Category category, String title, long id);

}
