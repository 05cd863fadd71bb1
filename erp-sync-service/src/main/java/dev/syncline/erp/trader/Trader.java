package dev.syncline.erp.trader;

import java.time.OffsetDateTime;

/** A SoftOne trader as we store it. TRDR or AFM (at least one) identifies it. */
public record Trader(Long trdr, String code, String afm, String name, String jobtypetrd, String address, String city,
                     String zip, String district, String country, String isactive, String phone01, String irsdata,
                     Integer socurrency, OffsetDateTime upddate) {
}
