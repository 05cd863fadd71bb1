package dev.syncline.erp.trader;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Upserts a batch of traders with one statement. A row matches a stored trader by TRDR, else by a
 * non-empty AFM (a trader re-registered under a new TRDR keeps its history); a match whose UPDDATE
 * is unchanged is skipped, other matches are updated, the rest inserted. Within one batch the
 * latest UPDDATE of a trader wins.
 */
@ApplicationScoped
public class TraderStore {

    private static final String UPSERT = """
            with incoming as (
                select distinct on (coalesce(trdr::text, 'afm:' || afm)) *
                from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int4[],
                            $15::timestamptz[], $16::int4[])
                    as t(trdr, code, afm, name, jobtypetrd, address, city, zip, district, country, isactive, phone01,
                         irsdata, socurrency, upddate, ord)
                order by coalesce(trdr::text, 'afm:' || afm), upddate desc nulls last, ord desc
            ), matched as (
                select i.*, coalesce(
                           (select c.id from %1$s c where c.trdr = i.trdr),
                           (select c.id from %1$s c where i.afm is not null and c.afm = i.afm order by c.id limit 1)
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
                  and (t.upddate is null or t.stored_upddate is null or t.upddate <> t.stored_upddate)
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

    /** How a batch went: created and updated; everything else in it was skipped as unchanged. */
    public record Upserted(long created, long updated) {
    }

    public Uni<Upserted> upsert(SqlClient tx, TraderKind kind, List<Trader> traders) {
        if (traders.isEmpty()) {
            return Uni.createFrom().item(new Upserted(0, 0));
        }
        int n = traders.size();
        Long[] trdr = new Long[n];
        String[][] text = new String[12][n];
        Integer[] socurrency = new Integer[n];
        OffsetDateTime[] upddate = new OffsetDateTime[n];
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) {
            Trader t = traders.get(i);
            trdr[i] = t.trdr();
            String[] values = {t.code(), t.afm(), t.name(), t.jobtypetrd(), t.address(), t.city(), t.zip(),
                    t.district(), t.country(), t.isactive(), t.phone01(), t.irsdata()};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
            socurrency[i] = t.socurrency();
            upddate[i] = t.upddate();
            ord[i] = i;
        }
        Object[] parameters = new Object[16];
        parameters[0] = trdr;
        System.arraycopy(text, 0, parameters, 1, 12);
        parameters[13] = socurrency;
        parameters[14] = upddate;
        parameters[15] = ord;
        return tx.preparedQuery(String.format(UPSERT, kind.table()))
                .execute(Tuple.from(parameters))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Upserted(row.getLong("created"), row.getLong("updated"));
                });
    }
}
