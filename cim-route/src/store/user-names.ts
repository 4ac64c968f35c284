/**
 * The form of a user name that decides uniqueness and login: `Alice`, `ALICE` and `alice` are one
 * name. Names are ASCII (see the API's schema), so lower case is the whole folding.
 */
export function foldUserName(userName: string): string {
  return userName.toLowerCase();
}
