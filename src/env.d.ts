declare namespace App {
  interface Locals {
    /**
     * Set while a post is rendered for the RSS feed: a feed reader runs no JavaScript and no CSS,
     * so each demo renders its static form and a link to the live one at this address.
     */
    feed?: { url: string };
  }
}
