/** The commands an in-process client was sent, in order, read by command type: what tests of a backend look at. */
export class SentCommands {
  private readonly commands: object[] = [];

  record(command: object): void {
    this.commands.push(command);
  }

  /** The inputs of the commands of one type, in the order they were sent. */
  inputsOf<C extends { readonly input: unknown }>(type: abstract new (...args: never[]) => C): C['input'][] {
    return this.commands.filter((command): command is C => command instanceof type).map((command) => command.input);
  }

  clear(): void {
    this.commands.length = 0;
  }
}
