package io.planconsult.tagging.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts as a campaign's look-alikes: one common sentence each, then random characters: alike, none a copy. */
public final class LookAlikes {

    private static final String COMMON = "请求在滨江区西兴街道增设公交线路并延长地铁运营时间方便上班族通勤";

    private LookAlikes() {
    }

    /**
     * @param common how many characters of the common sentence each text starts with
     * @param own    how many random characters follow
     */
    public static List<String> texts(int n, int common, int own, Random random) {
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            StringBuilder text = new StringBuilder(COMMON.substring(0, common));
            for (int i = 0; i < own; i++) {
                text.append((char) ('一' + random.nextInt(3000)));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
