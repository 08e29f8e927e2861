package io.planconsult.reporting.tally;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One counter: suggestions with this primary topic, mentions of the topic, and their distinct clusters, in one bucket
 * of one dimension ({@code perspective} holds the {@link TallyDimension} code, {@code district} the bucket: a district,
 * channel, day or ISO week).
 */
@Entity
@Table(name = "tally_cell")
@IdClass(TallyCell.Key.class)
public class TallyCell extends PanacheEntityBase {

    public record Key(String perspective, String district, String topic) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    public String perspective;
    @Id
    public String district;
    @Id
    public String topic;
    @Column(name = "primary_count")
    public long primaryCount;
    @Column(name = "mention_count")
    public long mentionCount;
    /** Distinct near-duplicate clusters among the suggestions counted under this topic. */
    @Column(name = "cluster_count")
    public long clusterCount;
}
