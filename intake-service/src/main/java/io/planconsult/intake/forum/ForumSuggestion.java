package io.planconsult.intake.forum;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Links an accepted suggestion to the forum and the import row it came from. */
@Entity
@Table(name = "forum_suggestion")
public class ForumSuggestion extends PanacheEntityBase {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    @Column(name = "forum_id")
    public UUID forumId;
    @Column(name = "import_id")
    public UUID importId;
    @Column(name = "row_number")
    public int rowNumber;
}
