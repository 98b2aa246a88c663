package dev.partnerhub.cli.csv;

/** Whose CSV conventions a file follows: Webex Control Hub's or Microsoft Partner Center's. */
public enum Format {
    WEBEX, PARTNER_CENTER
}
