import { CimError, ErrorCodes } from '@cim/common';

/**
 * The form of a user name that decides uniqueness and login: `Alice`, `ALICE` and `alice` are one
 * name. Names are ASCII (see the API's schema), so lower case is the whole folding.
 */
export function foldUserName(userName: string): string {
  return userName.toLowerCase();
}

/** CIM_ERR_USER_EXISTS (409) for a name taken in some letter case. */
export function nameTaken(userName: string): CimError {
  return new CimError(ErrorCodes.USER_EXISTS, `the user name "${userName}" is taken; choose another`);
}
