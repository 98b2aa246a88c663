package dev.partnerhub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.sandbox.HubAdminClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Plays the people outside the partner's reach against the local partner hub: end users and customer admins. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox validate-email dana@globex.sp.example.com"},
        description = "Plays the end user and the customer "
        + "admin against the local partner hub (see docs/local-mode.md).",
        subcommands = {SandboxCommand.EnterEmail.class, SandboxCommand.ValidateEmail.class,
                SandboxCommand.AcceptMove.class, SandboxCommand.ApproveAttach.class, SandboxCommand.CreateOrg.class,
                SandboxCommand.SelfActivate.class, SandboxCommand.ConsumerAccount.class, SandboxCommand.Seats.class,
                SandboxCommand.RoleMember.class, SandboxCommand.OAuthApp.class, SandboxCommand.Clock.class})
final class SandboxCommand {

    @Option(names = "--hub", defaultValue = "http://127.0.0.1:18089", description = "The local partner hub's URL.")
    String hub;

    PrintStream out = System.out;

    HubAdminClient client() {
        return new HubAdminClient(hub);
    }

    /** What the hub answered, in one line: the record's key fields. */
    void report(String what, JsonNode record) {
        String status = record.path("status").asText("");
        out.println(what + (status.isEmpty() ? "" : ": status " + status));
    }

    @Command(name = "enter-email", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox enter-email dana@globex.sp.example.com dana@globex.example.com"},
        description = "The end user enters an email in "
            + "the User Activation Portal.")
    static final class EnterEmail implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The BroadWorks user ID (or subscriber ID).")
        String user;
        @Parameters(index = "1", description = "The email address.")
        String email;

        @Override
        public Integer call() {
            parent.report(user + " entered " + email, parent.client().enterEmail(user, email));
            return 0;
        }
    }

    @Command(name = "validate-email", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox validate-email dana@globex.sp.example.com"},
        description = "The end user clicks the link of "
            + "the validation email.")
    static final class ValidateEmail implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The BroadWorks user ID (or subscriber ID).")
        String user;

        @Override
        public Integer call() {
            parent.report(user + " validated the email", parent.client().validateEmail(user));
            return 0;
        }
    }

    @Command(name = "accept-move", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox accept-move frank@acme.example.com"},
        description = "The end user accepts the consent "
            + "email and moves their existing Webex account.")
    static final class AcceptMove implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The email, BroadWorks user ID or subscriber ID.")
        String user;

        @Override
        public Integer call() {
            parent.report(user + " accepted the move", parent.client().acceptMove(user));
            return 0;
        }
    }

    @Command(name = "approve-attach", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox approve-attach $ORG"},
        description = "The customer org's administrator "
            + "adds the partner administrator as an external Full Administrator.")
    static final class ApproveAttach implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The org ID.")
        String orgId;

        @Override
        public Integer call() {
            JsonNode org = parent.client().approveAttach(orgId);
            parent.out.println("The administrator of " + org.path("name").asText() + " approved the partner.");
            return 0;
        }
    }

    @Command(name = "create-org", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ORG=$(./hubctl sandbox create-org 'Initech' --users 250)"},
        description = "An existing customer org, for "
            + "spec.attach.orgId; prints its org ID.")
    static final class CreateOrg implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The org's name.")
        String name;
        @Option(names = "--users", defaultValue = "5", description = "How many users it has (100 or more: approval).")
        int users;
        @Option(names = "--verified-domain", description = "It has a verified domain (approval needed).")
        boolean verified;
        @Option(names = "--claimed-domain", description = "Its domain is claimed (approval needed).")
        boolean claimed;
        @Option(names = "--no-licenses", description = "It has no active licences (the partner becomes full admin).")
        boolean noLicenses;
        @Option(names = "--email", description = "The email of one of its users (a BroadWorks enterprise whose first "
                + "subscriber has it attaches to this org); repeatable.")
        java.util.List<String> emails = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            parent.out.println(parent.client().createOrg(name, users, verified, claimed, !noLicenses,
                    emails.toArray(String[]::new)));
            return 0;
        }
    }

    @Command(name = "self-activate", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox self-activate Reseller1+globex eddie@globex.sp.example.com eddie@globex.example.com"},
        description = "A BroadWorks user activates "
            + "Webex without the partner declaring them.")
    static final class SelfActivate implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The enterprise's spEnterpriseId.")
        String enterprise;
        @Parameters(index = "1", description = "The BroadWorks user ID.")
        String user;
        @Parameters(index = "2", description = "The email address.")
        String email;

        @Override
        public Integer call() {
            parent.report(user + " activated themselves", parent.client().selfActivate(enterprise, user, email));
            return 0;
        }
    }

    @Command(name = "consumer-account", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox consumer-account frank@acme.example.com"},
        description = "Someone already holds a "
            + "consumer Webex account with this email (their move needs consent).")
    static final class ConsumerAccount implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The email address.")
        String email;

        @Override
        public Integer call() {
            parent.client().addConsumerAccount(email);
            parent.out.println(email + " now has a consumer Webex account.");
            return 0;
        }
    }

    @Command(name = "role-member", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox role-member $TENANT_ID 'Helpdesk Administrator' $USER_ID"},
        description = "Someone gives a Partner Center "
            + "user a directory role outside the operator (in the Microsoft 365 admin center).")
    static final class RoleMember implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The customer tenant ID.")
        String tenant;
        @Parameters(index = "1", description = "The role's name, for example 'Helpdesk Administrator'.")
        String role;
        @Parameters(index = "2", description = "The user's ID.")
        String user;

        @Override
        public Integer call() {
            parent.client().addDirectoryRoleMember(tenant, role, user);
            parent.out.println(user + " is now a member of " + role + ".");
            return 0;
        }
    }

    @Command(name = "oauth-app", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox oauth-app webex > webex-integration.env"},
        description = "Registers a Webex integration or a "
            + "Microsoft Entra app with the hub's token endpoint and signs its administrator in; prints the Secret keys "
            + "a PartnerConnection needs (clientId, clientSecret, refreshToken, and tenantId for Microsoft).")
    static final class OAuthApp implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "webex or microsoft.")
        String vendor;
        @Option(names = "--tenant", defaultValue = "11111111-2222-3333-4444-555555555555",
                description = "The partner's own Entra tenant ID (microsoft only).")
        String tenant;

        @Override
        public Integer call() {
            boolean microsoft = "microsoft".equals(vendor);
            JsonNode app = parent.client().registerOAuthClient(vendor, microsoft ? tenant : null);
            String clientId = app.path("clientId").asText();
            parent.out.println("clientId=" + clientId);
            parent.out.println("clientSecret=" + app.path("clientSecret").asText());
            parent.out.println("refreshToken=" + parent.client().signIn(clientId, null));
            if (microsoft) {
                parent.out.println("tenantId=" + tenant);
            }
            return 0;
        }
    }

    @Command(name = "clock", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox clock P15D"},
        description = "Moves the hub's clock forward (tokens "
            + "expire, restore windows close).")
    static final class Clock implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "How far, as an ISO-8601 duration: PT2H, P15D.")
        java.time.Duration by;

        @Override
        public Integer call() {
            JsonNode now = parent.client().advanceClock(by);
            parent.out.println("The hub's clock is now " + now.path("now").asText() + ".");
            return 0;
        }
    }

    @Command(name = "seats", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl sandbox seats $ORG 'Contact center Standard Agent' 20"},
        description = "The partner buys or returns seats of a "
            + "licence of an org.")
    static final class Seats implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;
        @Parameters(index = "0", description = "The org ID.")
        String orgId;
        @Parameters(index = "1", description = "The licence's name or ID.")
        String license;
        @Parameters(index = "2", description = "The total seats.")
        int total;

        @Override
        public Integer call() {
            JsonNode l = parent.client().setSeats(orgId, license, total);
            parent.out.println(l.path("name").asText() + ": " + l.path("consumedUnits").asInt() + " of "
                    + l.path("totalUnits").asInt() + " seats taken.");
            return 0;
        }
    }
}
