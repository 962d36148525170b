package org.chorusfeed.access;

/**
 * A newly issued token with its secret, which is shown once and never stored.
 *
 * @param secret the bearer secret to hand to the member
 * @param token  what is stored about it
 */
public record IssuedToken(String secret, AccessToken token) {
    @Override
    public String toString() {
        return "IssuedToken[secret=(hidden), token=" + token + "]";
    }
}
