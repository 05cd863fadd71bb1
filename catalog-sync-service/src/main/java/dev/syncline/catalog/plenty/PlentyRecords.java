package dev.syncline.catalog.plenty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

/** What Plentymarkets answers, as far as the catalog sync reads it. */
public final class PlentyRecords {

    private PlentyRecords() {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variation(long id, long itemId, String number, boolean isMain, boolean isActive, String updatedAt,
                            Long unitId, Integer vatId, List<SalesPrice> variationSalesPrices, List<Category> variationCategories,
                            List<AttributeValue> variationAttributeValues, List<Barcode> variationBarcodes, List<Stock> stock) {

        public Variation {
            variationSalesPrices = variationSalesPrices == null ? List.of() : variationSalesPrices;
            variationCategories = variationCategories == null ? List.of() : variationCategories;
            variationAttributeValues = variationAttributeValues == null ? List.of() : variationAttributeValues;
            variationBarcodes = variationBarcodes == null ? List.of() : variationBarcodes;
            stock = stock == null ? List.of() : stock;
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record SalesPrice(long salesPriceId, BigDecimal price) {
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Category(long categoryId) {
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record AttributeValue(long attributeId, long valueId) {
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Barcode(String code) {
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        /** One warehouse's stock; Plenty's stock management spells the net stock stockNet, with=stock netStock. */
        public record Stock(Long warehouseId, BigDecimal netStock, BigDecimal stockNet) {

            public BigDecimal net() {
                return netStock != null ? netStock : stockNet;
            }
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(long id, Long manufacturerId, String updatedAt, List<Text> texts, List<Image> itemImages) {

        public Item {
            texts = texts == null ? List.of() : texts;
            itemImages = itemImages == null ? List.of() : itemImages;
        }

        /** The item's name and description in a language, else in the first one it has. */
        public Text text(String language) {
            return texts.stream().filter(t -> language.equals(t.lang())).findFirst()
                    .orElse(texts.isEmpty() ? new Text(language, "Item " + id, null) : texts.get(0));
        }

        /** The item's texts in exactly this language, if it has a name in it. */
        public java.util.Optional<Text> textIn(String language) {
            return texts.stream().filter(t -> language.equals(t.lang()) && t.name1() != null && !t.name1().isBlank()).findFirst();
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Text(String lang, String name1, String description) {
        }

        /**
         * An item image ({@code with=itemImages}, model ItemImage): {@code md5Checksum} and
         * {@code lastUpdate} change when the file does; {@code url} is the full-size file.
         */
        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Image(long id, long itemId, Integer position, String fileType, String md5Checksum, String lastUpdate,
                            String url, String cleanImageName, List<ImageName> names) {

            public Image {
                names = names == null ? List.of() : names;
            }

            /** The image's name and alternative text in a language, else in the first one it has; null when it has none. */
            public ImageName name(String language) {
                return names.stream().filter(n -> language.equals(n.lang())).findFirst().orElse(names.isEmpty() ? null : names.get(0));
            }
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record ImageName(String lang, String name, String alternate) {
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(long id, Long parentCategoryId, int level, List<Details> details) {

        /** The details in a language (else the first): the name, and the position among the siblings. */
        public Details in(String language) {
            if (details == null || details.isEmpty()) {
                return new Details(language, "Category " + id, 0);
            }
            return detailsIn(language).orElse(details.get(0));
        }

        /** The details in exactly this language, if the category has them. */
        public java.util.Optional<Details> detailsIn(String language) {
            return details == null ? java.util.Optional.empty() : details.stream().filter(d -> language.equals(d.lang())).findFirst();
        }

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Details(String lang, String name, Integer position) {
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(long id, String backendName, List<Name> names) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttributeValue(long id, long attributeId, String backendName, List<Name> valueNames) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SalesPrice(long id, String type, Boolean isDisplayedByDefault, List<Name> names, List<Currency> currencies) {

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Currency(String currency) {
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Manufacturer(long id, String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(long id, String unitOfMeasurement, List<Name> names) {
    }

    /** A VAT configuration: rates 0 to 3 of one accounting location and country, valid from startedAt. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VatConfiguration(long id, Integer countryId, Integer locationId, String startedAt, String invalidFrom,
                                   List<VatRate> vatRates) {

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record VatRate(long id, String name, BigDecimal vatRate) {
        }
    }

    /** A name in one language; Plenty calls the text field name, nameInternal or name1 depending on the entity. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String lang, String name, String nameInternal) {

        public String text() {
            return name != null ? name : nameInternal;
        }

        public static String in(List<Name> names, String language, String fallback) {
            if (names == null || names.isEmpty()) {
                return fallback;
            }
            return names.stream().filter(n -> language.equals(n.lang())).findFirst().orElse(names.get(0)).text();
        }
    }
}
