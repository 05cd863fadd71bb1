package dev.syncline.erp.trader;

import dev.syncline.erp.trader.TraderMerge.MergedTrader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Upserts a batch of traders with one statement. The batch is merged first (rows of one trader,
 * by TRDR or AFM, become one: {@link TraderMerge}); a merged row matches a stored trader by TRDR,
 * else by a non-empty AFM (a trader re-registered under a new TRDR keeps its row and id), else by
 * a TRDR of a row merged into it. A match whose UPDDATE is unchanged is skipped, other matches are
 * updated (an older UPDDATE never overwrites a newer one), the rest inserted.
 */
@ApplicationScoped
public class TraderStore {

    private static final String UPSERT = """
            with incoming as (
                select * from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int4[],
                                     $15::timestamptz[], $16::int4[], $17::text[])
                    as t(trdr, code, afm, name, jobtypetrd, address, city, zip, district, country, isactive, phone01,
                         irsdata, socurrency, upddate, ord, other_trdrs)
            ), matched as (
                select i.*, coalesce(
                           (select c.id from %1$s c where c.trdr = i.trdr),
                           (select c.id from %1$s c where i.afm is not null and c.afm = i.afm order by c.id limit 1),
                           (select c.id from %1$s c where i.other_trdrs <> ''
                                and c.trdr = any(string_to_array(i.other_trdrs, ',')::int8[]) order by c.id limit 1)
                       ) as existing_id
                from incoming i
            ), targets as (
                select distinct on (m.existing_id) m.*, c.upddate as stored_upddate
                from matched m join %1$s c on c.id = m.existing_id
                order by m.existing_id, m.upddate desc nulls last, m.ord desc
            ), updated as (
                update %1$s c
                set trdr = coalesce(t.trdr, c.trdr), code = t.code, afm = t.afm, name = t.name, sotitle = t.name,
                    jobtypetrd = t.jobtypetrd, address = t.address, city = t.city, zip = t.zip,
                    district = t.district, country = t.country, isactive = t.isactive, phone01 = t.phone01,
                    irsdata = t.irsdata, socurrency = t.socurrency, upddate = t.upddate, updated_at = now()
                from targets t
                where c.id = t.existing_id
                  and (t.upddate is null or t.stored_upddate is null or t.upddate > t.stored_upddate)
                returning c.id
            ), inserted as (
                insert into %1$s (trdr, code, afm, name, sotitle, jobtypetrd, address, city, zip, district, country,
                                  isactive, phone01, irsdata, socurrency, upddate)
                select trdr, code, afm, name, name, jobtypetrd, address, city, zip, district, country, isactive,
                       phone01, irsdata, socurrency, upddate
                from matched where existing_id is null
                returning id
            )
            select (select count(*) from inserted) as created, (select count(*) from updated) as updated""";

    /** How a batch went: created and updated; everything else in it was skipped (unchanged, or merged). */
    public record Upserted(long created, long updated) {

        public static final Upserted NONE = new Upserted(0, 0);

        public Upserted plus(Upserted other) {
            return new Upserted(created + other.created, updated + other.updated);
        }
    }

    public Uni<Upserted> upsert(SqlClient tx, TraderKind kind, List<Trader> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        List<MergedTrader> traders = TraderMerge.merge(batch);
        int n = traders.size();
        Long[] trdr = new Long[n];
        String[][] text = new String[12][n];
        Integer[] socurrency = new Integer[n];
        OffsetDateTime[] upddate = new OffsetDateTime[n];
        Integer[] ord = new Integer[n];
        String[] otherTrdrs = new String[n];
        for (int i = 0; i < n; i++) {
            Trader t = traders.get(i).trader();
            trdr[i] = t.trdr();
            String[] values = {t.code(), t.afm(), t.name(), t.jobtypetrd(), t.address(), t.city(), t.zip(),
                    t.district(), t.country(), t.isactive(), t.phone01(), t.irsdata()};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
            socurrency[i] = t.socurrency();
            upddate[i] = t.upddate();
            ord[i] = i;
            otherTrdrs[i] = traders.get(i).otherTrdrs().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        Object[] parameters = new Object[17];
        parameters[0] = trdr;
        System.arraycopy(text, 0, parameters, 1, 12);
        parameters[13] = socurrency;
        parameters[14] = upddate;
        parameters[15] = ord;
        parameters[16] = otherTrdrs;
        return tx.preparedQuery(String.format(UPSERT, kind.table()))
                .execute(Tuple.from(parameters))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Upserted(row.getLong("created"), row.getLong("updated"));
                });
    }
}
