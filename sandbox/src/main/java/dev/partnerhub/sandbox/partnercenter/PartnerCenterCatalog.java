package dev.partnerhub.sandbox.partnercenter;

import java.util.List;

/** The SKUs a new tenant of the hub subscribes to, with their licence groups and seats. */
final class PartnerCenterCatalog {

    /** One product: its SKU ID, name, part number, licence group and seats. */
    record Product(String id, String name, String partNumber, String group, int seats) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("3b555118-da6a-4418-894f-7df1e2096870", "Microsoft 365 Business Basic",
                    "O365_BUSINESS_ESSENTIALS", "group1", 25),
            new Product("f245ecc8-75af-4f8e-b61f-27d8114de5f3", "Microsoft 365 Business Standard",
                    "O365_BUSINESS_PREMIUM", "group1", 10),
            new Product("05e9a617-0261-4cee-bb44-138d3ef5d965", "Microsoft 365 E3", "SPE_E3", "group1", 5),
            new Product("bc5f3e1a-9d8e-4d2c-8a6b-5e4f3d2c1b0a", "Minecraft Education", "MEE_STUDENT", "group2", 10));

    /**
     * The directory roles of a new tenant, by Microsoft Entra's built-in role names; "Get all the available directory
     * roles" lists the roles of a tenant with IDs of that tenant.
     */
    static final List<String> DIRECTORY_ROLES = List.of("Global Administrator", "User Administrator",
            "Helpdesk Administrator", "License Administrator", "Billing Administrator", "Directory Readers");

    private PartnerCenterCatalog() {
    }
}
