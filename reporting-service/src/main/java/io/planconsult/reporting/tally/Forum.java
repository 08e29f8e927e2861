package io.planconsult.reporting.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import io.planconsult.contract.ForumRecorded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A forum whose minutes were imported (from {@code ForumRecorded} events): counts only, no names. */
@Entity
@Table(name = "forum")
public class Forum extends PanacheEntityBase {

    @Id
    @Column(name = "forum_id")
    public UUID forumId;
    public String name;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String district;
    @Column(name = "station_id")
    public String stationId;
    public int participants;
    @Column(name = "deputies_present")
    public int deputiesPresent;
    @Column(name = "suggestion_count")
    public int suggestionCount;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    static Forum of(ForumRecorded e) {
        Forum forum = new Forum();
        forum.forumId = e.forumId();
        forum.name = e.name();
        forum.heldOn = e.heldOn();
        forum.district = e.district();
        forum.stationId = e.stationId();
        forum.participants = e.participants();
        forum.deputiesPresent = e.deputiesPresent();
        forum.suggestionCount = e.suggestionCount();
        forum.recordedAt = e.recordedAt();
        return forum;
    }

    /** Later {@code recordedAt} first; two records of one instant are ordered by their content, never by arrival. */
    private static final Comparator<Forum> RECORDED = Comparator.comparing((Forum f) -> f.recordedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.suggestionCount).thenComparing(f -> f.participants)
            .thenComparing(f -> f.deputiesPresent)
            .thenComparing(f -> String.valueOf(f.name) + '|' + f.heldOn + '|' + f.district + '|' + f.stationId);

    /**
     * The one forum rule: of two records of one forum the later {@code recordedAt} wins, whatever the order they
     * arrive in.
     *
     * @param held     the record kept so far, or null
     * @param incoming another record of the same forum
     * @return the record to keep: {@code held} or {@code incoming}
     */
    static Forum later(Forum held, Forum incoming) {
        return held == null || RECORDED.compare(incoming, held) > 0 ? incoming : held;
    }
}
