package dev.syncline.sandbox.softone;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One SODTYPE's traders (13 customers, 12 suppliers): what the ERP holds and when each was last
 * changed. Rows are rendered from (seed, TRDR, revision), so only a few numbers are kept per trader.
 */
final class TraderBook {

    private final long seed;
    private final int sodtype;
    private final List<Trader> traders = new ArrayList<>();
    private final List<Map<String, Object>> brokenRows = new ArrayList<>();
    private long nextTrdr;

    private static final class Trader {
        final long trdr;
        final String afm;
        int revision;
        LocalDateTime updated;

        Trader(long trdr, String afm, LocalDateTime updated) {
            this.trdr = trdr;
            this.afm = afm;
            this.updated = updated;
        }
    }

    TraderBook(long seed, int sodtype, int count, LocalDateTime now) {
        this.seed = seed;
        this.sodtype = sodtype;
        this.nextTrdr = sodtype == 13 ? 1000 : 500_000;
        Random random = new Random(seed + sodtype);
        for (int i = 0; i < count; i++) {
            add(now.minusDays(1 + random.nextInt(700)).minusSeconds(random.nextInt(86_400)), null);
        }
    }

    synchronized List<Map<String, Object>> changedSince(LocalDateTime windowStart) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Trader t : traders) {
            if (windowStart == null || !t.updated.isBefore(windowStart)) {
                rows.add(TraderGenerator.trader(seed, t.trdr, sodtype, t.revision, t.updated, t.afm));
            }
        }
        rows.addAll(brokenRows);
        return rows;
    }

    /** Changes {@code count} different traders, picked at random; answers their TRDRs. */
    synchronized List<Long> change(int count, LocalDateTime now) {
        List<Trader> shuffled = new ArrayList<>(traders);
        java.util.Collections.shuffle(shuffled, new Random(seed ^ now.hashCode()));
        List<Long> changed = new ArrayList<>();
        for (Trader t : shuffled.subList(0, Math.min(count, shuffled.size()))) {
            t.revision++;
            t.updated = now;
            changed.add(t.trdr);
        }
        return changed;
    }

    /** New traders; with {@code reuseAfmOf} a new TRDR carrying an existing trader's AFM (re-registered in the ERP). */
    synchronized List<Long> create(int count, LocalDateTime now, Long reuseAfmOf) {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String afm = null;
            if (reuseAfmOf != null) {
                afm = traders.stream().filter(t -> t.trdr == reuseAfmOf).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No trader " + reuseAfmOf)).afm;
            }
            created.add(add(now, afm));
        }
        return created;
    }

    /** Rows a careless ERP user can produce: no TRDR and no AFM. */
    synchronized void addBrokenRows(int count, LocalDateTime now) {
        for (int i = 0; i < count; i++) {
            brokenRows.add(Map.of("TRDR", "", "AFM", "", "NAME", "ΧΩΡΙΣ ΣΤΟΙΧΕΙΑ " + i, "ISPROSP", "1",
                    "UPDDATE", SoftOneClock.FORMAT.format(now)));
        }
    }

    synchronized int size() {
        return traders.size();
    }

    private long add(LocalDateTime updated, String afm) {
        long trdr = nextTrdr++;
        // The ERP's clock never shows a time inside the spring-forward gap (03:00-04:00 on the last
        // Sunday of March in Athens): a generated one moves forward by the gap, as the clock did.
        LocalDateTime shown = updated.atZone(SoftOneClock.ZONE).toLocalDateTime();
        traders.add(new Trader(trdr, afm != null ? afm : TraderGenerator.afm(Math.abs(new Random(seed * 7 + trdr).nextLong())), shown));
        return trdr;
    }
}
