package io.junction.node;

import io.junction.config.AdminPasswords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Makes admin credentials for the config file, so nobody has to hash by hand:
 * {@code hash-password} reads a password from standard input (one line, never an argument, which would end up in
 * shell history) and prints its {@code password_hash}; {@code new-token} prints a random API token and the
 * {@code sha256} to put in the config.
 */
final class CredentialsCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;

    CredentialsCommand(BufferedReader in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int hashPassword(List<String> args) {
        Flags.parse(args, Set.of()).positional(0, "no arguments (the password is read from standard input)");
        String password;
        try {
            password = in.readLine();
        } catch (IOException e) {
            err.println("junction: cannot read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.isEmpty()) {
            err.println("junction: no password on standard input");
            return 2;
        }
        out.println(AdminPasswords.hash(password));
        return 0;
    }

    int newToken(List<String> args) {
        Flags.parse(args, Set.of()).positional(0, "no arguments");
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        out.println("token:  " + token);
        out.println("sha256: " + AdminPasswords.tokenDigest(token));
        return 0;
    }
}
