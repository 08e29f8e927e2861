package io.planconsult.tagging.dedup.store;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A suggestion in the shared near-duplicate index. */
@Entity
@Table(name = "dedup_entry")
public class DedupEntry extends PanacheEntityBase {

    @Id
    @Column(name = "suggestion_id")
    public String suggestionId;
    /** Insertion order across all instances: on equal similarity the earlier suggestion wins. */
    public long position;
    @Column(name = "cluster_id")
    public String clusterId;
    @Column(name = "similar_to")
    public String similarTo;
    public double similarity;
    public boolean everyday;
    /** Later suggestions are compared with representatives only; only they have band rows. */
    public boolean representative;
    /** JSON array of the redacted text's shingles. */
    public String shingles;
    @Column(name = "created_at")
    public Instant createdAt;
}
