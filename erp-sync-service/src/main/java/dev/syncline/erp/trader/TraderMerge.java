package dev.syncline.erp.trader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of one batch that are one trader become one row, as the original's row-by-row match by
 * TRDR or AFM would have made them: rows sharing a TRDR or an AFM (also through a third row) are
 * merged, the latest UPDDATE wins (the later row on a tie), and the TRDRs of the merged-away rows
 * are kept so that a stored row under any of them is found.
 */
public final class TraderMerge {

    private TraderMerge() {
    }

    /** One trader of a batch: the winning row, and the other TRDRs the batch used for it. */
    public record MergedTrader(Trader trader, List<Long> otherTrdrs) {
    }

    public static List<MergedTrader> merge(List<Trader> rows) {
        int[] parent = new int[rows.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Long, Integer> byTrdr = new HashMap<>();
        Map<String, Integer> byAfm = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Trader t = rows.get(i);
            final int index = i;
            if (t.trdr() != null) {
                union(parent, i, byTrdr.computeIfAbsent(t.trdr(), k -> index));
            }
            if (t.afm() != null) {
                union(parent, i, byAfm.computeIfAbsent(t.afm(), k -> index));
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(i);
        }
        List<MergedTrader> merged = new ArrayList<>(groups.size());
        for (List<Integer> members : groups.values()) {
            merged.add(mergeGroup(rows, members));
        }
        return merged;
    }

    private static MergedTrader mergeGroup(List<Trader> rows, List<Integer> members) {
        Comparator<Integer> latest = Comparator.comparing((Integer i) -> rows.get(i).upddate(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(i -> i);
        List<Integer> newestFirst = members.stream().sorted(latest.reversed()).toList();
        Trader winner = rows.get(newestFirst.get(0));
        Long trdr = newestFirst.stream().map(i -> rows.get(i).trdr()).filter(Objects::nonNull).findFirst().orElse(null);
        String afm = newestFirst.stream().map(i -> rows.get(i).afm()).filter(Objects::nonNull).findFirst().orElse(null);
        List<Long> others = members.stream().map(i -> rows.get(i).trdr())
                .filter(t -> t != null && !t.equals(trdr)).distinct().toList();
        Trader kept = new Trader(trdr, winner.code(), afm, winner.name(), winner.jobtypetrd(), winner.address(),
                winner.city(), winner.zip(), winner.district(), winner.country(), winner.isactive(), winner.phone01(),
                winner.irsdata(), winner.socurrency(), winner.upddate());
        return new MergedTrader(kept, others);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
