package dev.parakeet.jit.fakes;

/** Reason phrases for the status lines the fakes send. */
final class HttpStatus {

  private HttpStatus() {}

  static String reason(int status) {
    switch (status) {
      case 100:
        return "Continue";
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 413:
        return "Payload Too Large";
      case 422:
        return "Unprocessable Entity";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      case 529:
        return "Site Overloaded";
      default:
        return status < 500 ? "Client Error" : "Server Error";
    }
  }
}
