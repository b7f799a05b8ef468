using EventContracts.Cli;

return Evc.Run(args);
