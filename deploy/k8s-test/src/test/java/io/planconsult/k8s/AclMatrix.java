package io.planconsult.k8s;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.planconsult.contract.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/** The least-privilege matrix of issue 11 part 6, as grants "type:name[*]:Operation" (a trailing * is a prefix). */
final class AclMatrix {

    static final Map<String, Set<String>> EXPECTED = Map.of(
            "intake-service", grants(
                    Set.of(Topics.SUGGESTIONS_SUBMITTED, Topics.CORRECTIONS, Topics.FORUMS, Topics.INTAKE_DEAD_LETTER),
                    Set.of(Topics.SUGGESTIONS_TAGGED), "intake-service"),
            "tagging-service", grants(
                    Set.of(Topics.SUGGESTIONS_TAGGED, Topics.TAGGING_DEAD_LETTER),
                    Set.of(Topics.SUGGESTIONS_SUBMITTED), "tagging-service"),
            "reporting-service", grants(
                    Set.of(Topics.REPORTING_DEAD_LETTER),
                    Set.of(Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS, Topics.FORUMS), "reporting-service*"),
            "external-subscriber", grants(
                    Set.of(),
                    Set.of(Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS, Topics.FORUMS), "external-*"));

    private AclMatrix() {
    }

    private static Set<String> grants(Set<String> writes, Set<String> reads, String group) {
        Set<String> grants = new TreeSet<>();
        writes.forEach(t -> {
            grants.add("topic:" + t + ":Write");
            grants.add("topic:" + t + ":Describe");
        });
        reads.forEach(t -> {
            grants.add("topic:" + t + ":Read");
            grants.add("topic:" + t + ":Describe");
        });
        grants.add("group:" + group + ":Read");
        return grants;
    }

    static String nameOf(AclRuleResource resource) {
        if (resource instanceof AclRuleTopicResource topic) {
            return topic.getName() + (topic.getPatternType().toValue().equals("prefix") ? "*" : "");
        }
        if (resource instanceof AclRuleGroupResource group) {
            return group.getName() + (group.getPatternType().toValue().equals("prefix") ? "*" : "");
        }
        throw new AssertionError("unexpected ACL resource " + resource.getType());
    }

    static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }
}
