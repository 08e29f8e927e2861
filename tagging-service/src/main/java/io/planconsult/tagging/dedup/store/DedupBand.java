package io.planconsult.tagging.dedup.store;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One MinHash band key of a representative, with its insertion position (the candidates' ranking orders by it). */
@Entity
@Table(name = "dedup_band")
@IdClass(DedupBand.Key.class)
public class DedupBand extends PanacheEntityBase {

    public record Key(long bandKey, String suggestionId) implements Serializable {
        public Key() {
            this(0, null);
        }
    }

    @Id
    @Column(name = "band_key")
    public long bandKey;
    @Id
    @Column(name = "suggestion_id")
    public String suggestionId;
    public long position;
}
