package io.planconsult.intake.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A suggestion's own text key (crypto-shredding, see {@link TextSealing}); deleting it shreds every sealed copy. */
@Entity
@Table(name = "text_key")
public class TextKey extends PanacheEntityBase {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    @Column(name = "key_base64")
    public String keyBase64;
    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public String toString() {
        return "TextKey[" + suggestionId + "]";
    }
}
