package dev.syncline.magento.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Inserts a page of consumers with one statement: new (email, purchase date) pairs become
 * consumers, each with a consumer_signup event in the outbox; existing pairs are skipped, unless
 * this page holds an earlier order of the pair (ranges read in parallel commit out of order): the
 * earliest order always wins, as it does when pages come one after another, and its not yet
 * delivered event says so too.
 */
@ApplicationScoped
public class ConsumerStore {

    private static final String INSERT = """
            with incoming as (
                select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::text[], $9::text[], $10::text[], $11::int8[], $12::text[],
                                     $13::text[], $14::text[])
                    as t(email, email_original, purchase_date, first_name, last_name, phone, city, country,
                         postcode, store_code, magento_entity_id, magento_increment_id, grand_total, currency)
            ), inserted as (
                insert into consumer (email, email_original, purchase_date, first_name, last_name, phone, city,
                                      country, postcode, store_code, magento_entity_id, magento_increment_id,
                                      grand_total, currency, source)
                select distinct on (email, purchase_date)
                       email, email_original, purchase_date, first_name, last_name, phone, city, country, postcode,
                       store_code, magento_entity_id, magento_increment_id, grand_total::numeric, currency,
                       'magento_sync'
                from incoming
                order by email, purchase_date, magento_entity_id
                on conflict (email, purchase_date) do update
                set email_original = excluded.email_original, first_name = excluded.first_name, last_name = excluded.last_name,
                    phone = excluded.phone, city = excluded.city, country = excluded.country, postcode = excluded.postcode,
                    store_code = excluded.store_code, magento_entity_id = excluded.magento_entity_id,
                    magento_increment_id = excluded.magento_increment_id, grand_total = excluded.grand_total,
                    currency = excluded.currency
                where consumer.magento_entity_id > excluded.magento_entity_id
                returning id, email, purchase_date, first_name, last_name, store_code, magento_increment_id, created_at,
                          (xmax = 0) as is_new
            ), signups as (
                select id, is_new, jsonb_build_object('type', 'consumer_signup', 'consumerId', id, 'email', email,
                                          'firstName', first_name, 'lastName', last_name, 'storeCode', store_code,
                                          'purchaseDate', purchase_date, 'magentoIncrementId', magento_increment_id,
                                          'source', 'magento_sync', 'createdAt', created_at) as payload
                from inserted
            ), events as (
                insert into outbox_event (event_type, consumer_id, payload)
                select 'consumer_signup', id, payload from signups where is_new
                returning 1
            ), refreshed as (
                update outbox_event o set payload = s.payload
                from signups s where not s.is_new and o.consumer_id = s.id and o.delivered_at is null
                returning 1
            )
            select (select count(*) from inserted where is_new) as created""";

    /** Returns how many consumers were new. */
    public Uni<Long> insert(SqlClient tx, List<NewConsumer> consumers) {
        if (consumers.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        int n = consumers.size();
        String[] email = new String[n];
        String[] original = new String[n];
        OffsetDateTime[] purchaseDate = new OffsetDateTime[n];
        String[] firstName = new String[n];
        String[] lastName = new String[n];
        String[] phone = new String[n];
        String[] city = new String[n];
        String[] country = new String[n];
        String[] postcode = new String[n];
        String[] storeCode = new String[n];
        Long[] entityId = new Long[n];
        String[] incrementId = new String[n];
        String[] grandTotal = new String[n];
        String[] currency = new String[n];
        for (int i = 0; i < n; i++) {
            NewConsumer c = consumers.get(i);
            email[i] = c.email();
            original[i] = c.emailOriginal();
            purchaseDate[i] = c.purchaseDate();
            firstName[i] = c.firstName();
            lastName[i] = c.lastName();
            phone[i] = c.phone();
            city[i] = c.city();
            country[i] = c.country();
            postcode[i] = c.postcode();
            storeCode[i] = c.storeCode();
            entityId[i] = c.magentoEntityId();
            incrementId[i] = c.magentoIncrementId();
            grandTotal[i] = c.grandTotal() == null ? null : c.grandTotal().toPlainString();
            currency[i] = c.currency();
        }
        Tuple arrays = Tuple.from(new Object[] {email, original, purchaseDate, firstName, lastName, phone, city,
                country, postcode, storeCode, entityId, incrementId, grandTotal, currency});
        return tx.preparedQuery(INSERT).execute(arrays).map(rows -> rows.iterator().next().getLong("created"));
    }
}
