package io.planconsult.intake.domain;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Personal data of whoever made a suggestion. Never serialised into events, responses or logs. */
@Entity
@Table(name = "submitter_contact")
public class SubmitterContact extends PanacheEntityBase {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    public String name;
    public String phone;

    @Override
    public String toString() {
        return "SubmitterContact[suggestionId=" + suggestionId + ", redacted]";
    }
}
