namespace Corpus.Web.Hosting;

public enum ReadinessState { Ingesting, Ready, Failed }
