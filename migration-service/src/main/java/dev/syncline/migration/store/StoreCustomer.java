package dev.syncline.migration.store;

/** A customer as either store has it. */
public record StoreCustomer(String id, String email, String firstName, String lastName, String phone, String address1,
                            String city, String zip, String country) {
}
