/** No action obtains `need` from this state (an item, a `#group` or a fact). */
export class Unplannable extends Error {
  constructor(readonly need: string, message: string) {
    super(message);
    this.name = 'Unplannable';
  }
}
