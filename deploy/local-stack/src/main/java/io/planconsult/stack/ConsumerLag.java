package io.planconsult.stack;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind the end of a topic: 0 means it has applied everything. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** @return records not yet committed by the group, or -1 when the group has committed nothing yet */
    public static long of(String bootstrapServers, String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(
                    Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            boolean any = false;
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                OffsetAndMetadata done = committed.get(p);
                if (done != null) {
                    any = true;
                }
                lag += end - (done == null ? 0 : done.offset());
            }
            return any || lag == 0 ? lag : -1;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + groupId + " on " + topic, e);
        }
    }

    /** @return the members of the group that hold at least one partition of {@code topic} now */
    public static int membersAssigned(String bootstrapServers, String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var group = admin.describeConsumerGroups(java.util.List.of(groupId)).all().get(10, TimeUnit.SECONDS)
                    .get(groupId);
            return (int) group.members().stream().filter(m -> m.assignment().topicPartitions().stream()
                    .anyMatch(p -> p.topic().equals(topic))).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
