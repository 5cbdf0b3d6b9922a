/** The tags of the REST routes, in the order the reference shows them. */
export const TAGS = {
  Auth: "Sign up, log in, log out.",
  User: "The account a token belongs to.",
  Tokens: "The account's API tokens. A secret is shown once, when the token is created.",
  Songs: "The song library.",
  Playlists: "Ordered lists of songs from the library.",
} as const;
